package randomuser.pipeline.stack.report;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Percentiles of a set of latencies in milliseconds, by the nearest-rank method: each figure is one of the
 * measured values (no interpolation), so p99 of 3,000 documents is the 2,970th smallest.
 */
public record LatencySummary(int count, long p50, long p95, long p99, long max) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    public static LatencySummary of(long[] millis) {
        if (millis.length == 0) {
            return EMPTY;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(
                sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The same from a histogram: how many measurements had each value. */
    public static LatencySummary ofCounts(NavigableMap<Long, Long> countByValue) {
        long total = countByValue.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return EMPTY;
        }
        return new LatencySummary(
                Math.toIntExact(total),
                rank(countByValue, total, 50),
                rank(countByValue, total, 95),
                rank(countByValue, total, 99),
                countByValue.lastKey());
    }

    private static long rank(NavigableMap<Long, Long> countByValue, long total, int percentile) {
        long rank = Math.max((long) Math.ceil(percentile / 100.0 * total), 1);
        long seen = 0;
        for (Map.Entry<Long, Long> entry : countByValue.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return countByValue.lastKey();
    }

    private static long rank(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
