package randomuser.pipeline.stack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MemoryAttributionTest {
    @Test
    void anExecutorCountsForItsJobNotForTheWorkerThatLaunchedIt() {
        Map<String, Long> mains = new LinkedHashMap<>();
        mains.put("spark-worker-1", 10L);
        mains.put("job-profile", 20L);
        mains.put("airflow", 30L);
        Map<Long, List<Long>> children = Map.of(10L, List.of(11L), 20L, List.of(), 30L, List.of(31L, 32L));
        Map<Long, Long> rss = Map.of(10L, 180L, 11L, 430L, 20L, 400L, 30L, 100L, 31L, 500L, 32L, 600L);

        Map<String, Long> result =
                MemoryAttribution.residentKiB(mains, Map.of("job-profile", Set.of(11L)), children::get, rss::get);

        assertEquals(Map.of("spark-worker-1", 180L, "job-profile", 830L, "airflow", 1200L), result);
        assertEquals(List.of("spark-worker-1", "job-profile", "airflow"), List.copyOf(result.keySet()));
    }

    @Test
    void aProcessThatIsGoneCountsNothing() {
        Map<String, Long> result =
                MemoryAttribution.residentKiB(Map.of("mongodb", 5L), Map.of(), pid -> List.of(), pid -> 0L);
        assertEquals(Map.of("mongodb", 0L), result);
    }
}
