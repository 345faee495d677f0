package randomuser.pipeline.stack.mainjob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class MainJobTest {
    @Test
    void readsTheUsersFromTheFetchersSummaryLine() {
        assertEquals(
                OptionalLong.of(1000),
                MainJob.usersIn(
                        "summary: run_id=manual__x pages=2/2 users=1000 skipped_no_uuid=0 "
                                + "skipped_invalid=0 records_acked=6000 records_failed=0 [randomuser.profiles=1000] seconds=2.10"));
        assertEquals(OptionalLong.empty(), MainJob.usersIn("some other last line"));
        assertEquals(OptionalLong.empty(), MainJob.usersIn(null));
    }

    @Test
    void describesProgressPerCollection() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("profiles", 1000L);
        counts.put("locations", 480L);
        assertEquals("profiles 1000, locations 480 of 1000", MainJob.describe(counts, 1000));
    }

    @Test
    void theDefaultRunIsSmallAndSeeded() {
        BackfillRequest request = BackfillRequest.DEFAULT;
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("results", 500);
        conf.put("pages", 2);
        conf.put("seed", "randomuser-pipeline");
        conf.put("nat", List.of());
        conf.put("gender", "any");
        assertEquals(conf, request.conf());
        assertEquals(1000, request.expectedUsers());
        assertEquals("2 pages x 500 users, seed randomuser-pipeline", request.describe());
    }

    @Test
    void aRequestWithoutSeedSendsANullSeed() {
        BackfillRequest request = new BackfillRequest(10, 1, null, List.of("GB", "FR"), "female");
        assertEquals(null, request.conf().get("seed"));
        assertEquals(List.of("GB", "FR"), request.conf().get("nat"));
        assertEquals("1 page x 10 users, nat GB,FR, gender female", request.describe());
        assertEquals("any", new BackfillRequest(1, 1, null, null, null).gender());
    }
}
