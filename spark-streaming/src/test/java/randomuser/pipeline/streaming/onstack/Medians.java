package randomuser.pipeline.streaming.onstack;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The benchmarks' median: this machine is noisy, so they print medians of repeated rounds. */
final class Medians {

    private Medians() {}

    /** The median of a figure over {@code items} (the mean of the middle two for an even count). */
    static <T> double of(List<T> items, ToDoubleFunction<T> figure) {
        double[] sorted = items.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
