package randomuser.pipeline.stack.component;

import java.util.List;
import java.util.Map;

/**
 * JVM flags for the stack's many small Java processes (on a laptop: master, six workers, six drivers, the
 * emulator). The six executors, which handle every record, have a heap of their own
 * ({@link StreamingJobSubmission#EXECUTOR_JVM_OPTIONS}).
 */
public final class JvmFootprint {
    /**
     * The serial collector (the smallest footprint, no GC threads competing for two cores) and a heap that starts
     * small, grows as far as it is used and gives back what it no longer uses; -Xmx stays each process's bound.
     * Without them each JVM started at 1/64 of the machine's memory and kept what it once touched.
     */
    public static final List<String> SMALL_HEAP =
            List.of("-XX:+UseSerialGC", "-Xms32m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    /**
     * Only the quick C1 compiler: for processes that mostly wait (Spark's master and workers, the drivers that
     * plan batches), so that their JIT costs less CPU and code cache; the executors keep the full JIT.
     */
    public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    /**
     * Environment of every stack JVM: glibc gives each thread that allocates its own malloc arena (up to eight per
     * core), and a JVM with a hundred threads (Spark, Kafka) keeps tens of MiB of native memory spread over them.
     * Two arenas hold the same allocations in less resident memory; the JVM's own heap does not use malloc.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private JvmFootprint() {}
}
