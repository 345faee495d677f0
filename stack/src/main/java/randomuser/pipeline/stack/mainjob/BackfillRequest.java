package randomuser.pipeline.stack.mainjob;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the {@code randomuser_backfill} DAG: its Params, sent as the run's conf. Airflow validates them
 * against the DAG's Params (the one place the limits live) and rejects a bad value before anything runs.
 *
 * @param seed   null for new random users on every run
 * @param nat    nationality codes; empty for all
 * @param gender "any", "male" or "female"
 */
public record BackfillRequest(int results, int pages, String seed, List<String> nat, String gender) {
    /** What {@code ./pipeline up} runs: small, and the same users every time. */
    public static final BackfillRequest DEFAULT = new BackfillRequest(500, 2, "randomuser-pipeline", List.of(), "any");

    public BackfillRequest {
        nat = nat == null ? List.of() : List.copyOf(nat);
        gender = gender == null ? "any" : gender;
    }

    /** The run's conf, with every Param present. */
    public Map<String, Object> conf() {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("results", results);
        conf.put("pages", pages);
        conf.put("seed", seed);
        conf.put("nat", nat);
        conf.put("gender", gender);
        return conf;
    }

    /** Users the run fetches when the API serves every page in full. */
    public long expectedUsers() {
        return (long) results * pages;
    }

    public String describe() {
        return pages + " page" + (pages == 1 ? "" : "s") + " x " + results + " users"
                + (seed == null ? "" : ", seed " + seed)
                + (nat.isEmpty() ? "" : ", nat " + String.join(",", nat))
                + ("any".equals(gender) ? "" : ", gender " + gender);
    }
}
