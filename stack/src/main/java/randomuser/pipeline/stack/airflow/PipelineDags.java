package randomuser.pipeline.stack.airflow;

import java.util.List;

/** The product's DAGs (dags/) as the stack triggers and checks them. */
public final class PipelineDags {
    /** Manual, with Params (results, pages, seed, nat, gender): the main job's run. */
    public static final String BACKFILL = "randomuser_backfill";
    /** Scheduled (every minute by default), unpaused when created. */
    public static final String INGEST = "randomuser_ingest";
    /** The one task of both DAGs: runs the fetcher; its return_value XCom is the fetcher's summary line. */
    public static final String FETCH_TASK = "fetch_users";

    public static final List<String> ALL = List.of(BACKFILL, INGEST);

    private PipelineDags() {}
}
