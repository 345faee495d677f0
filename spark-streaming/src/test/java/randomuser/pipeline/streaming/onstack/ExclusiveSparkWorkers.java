package randomuser.pipeline.streaming.onstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives the integration tests the Spark cluster's workers ({@link PausedStackJobs} says why by pausing the
 * stack's jobs). Once per test JVM, in the root context's store: the first test class that needs workers makes
 * sure Kafka, MongoDB, Spark and the emulator run and pauses the stack's running jobs; JUnit closes the store
 * after the last test class, which starts those same jobs again and waits for them.
 */
public final class ExclusiveSparkWorkers implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        ExclusiveSparkWorkers.class,
                        key -> new Paused(PausedStackJobs.pause(TestStack.get())),
                        Paused.class);
    }

    /** Closed by JUnit after the last test of the JVM. */
    private record Paused(PausedStackJobs jobs) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            jobs.close();
        }
    }
}
