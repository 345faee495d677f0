package randomuser.pipeline.streaming.onstack;

import randomuser.pipeline.stack.LocalStack;

/** The local stack the integration tests and the benchmark run on, with the servers they need running. */
final class TestStack {
    private static LocalStack stack;

    private TestStack() {
    }

    /**
     * Kafka, the MongoDB-compatible server, Spark and the API emulator, started through the same code as
     * {@code ./pipeline up} where they are not running yet (idempotent: running ones are only checked).
     */
    static synchronized LocalStack get() {
        if (stack == null) {
            LocalStack local = LocalStack.forProject();
            local.ensureKafka();
            local.ensureMongo();
            local.ensureSpark();
            local.ensureEmulator();
            stack = local;
        }
        return stack;
    }
}
