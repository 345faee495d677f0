package randomuser.pipeline.stack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    @Test
    void nearestRankOfOneToAHundredInAnyOrder() {
        long[] shuffled =
                LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();
        assertEquals(new LatencySummary(100, 50, 95, 99, 100), LatencySummary.of(shuffled));
    }

    @Test
    void percentilesAreMeasuredValuesNotInterpolated() {
        assertEquals(new LatencySummary(3, 20, 900, 900, 900), LatencySummary.of(new long[] {900, 10, 20}));
        assertEquals(new LatencySummary(1, 7, 7, 7, 7), LatencySummary.of(new long[] {7}));
    }

    @Test
    void fromAHistogramTheSameAsFromTheValues() {
        // 97 at 100 ms, 2 at 2,000 ms, 1 at 9,000 ms.
        TreeMap<Long, Long> counts = new TreeMap<>(Map.of(100L, 97L, 2000L, 2L, 9000L, 1L));
        assertEquals(new LatencySummary(100, 100, 100, 2000, 9000), LatencySummary.ofCounts(counts));
        long[] values = LongStream.concat(
                        LongStream.concat(LongStream.generate(() -> 100).limit(97), LongStream.of(2000, 2000)),
                        LongStream.of(9000))
                .toArray();
        assertEquals(LatencySummary.of(values), LatencySummary.ofCounts(counts));
        assertEquals(LatencySummary.EMPTY, LatencySummary.ofCounts(new TreeMap<>()));
    }

    @Test
    void noValuesIsAllZero() {
        assertEquals(new LatencySummary(0, 0, 0, 0, 0), LatencySummary.of(new long[0]));
    }
}
