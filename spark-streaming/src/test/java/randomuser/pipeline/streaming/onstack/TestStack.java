package randomuser.pipeline.streaming.onstack;

import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.component.Component;

/**
 * The local stack the integration tests and the benchmarks run on. They start no server: Kafka, the
 * MongoDB-compatible server, Spark and the API emulator must be up ({@code ./pipeline test} starts a stack of its
 * own for them; {@code ./pipeline up --no-trigger} starts the user's), and a part that is down fails the test in one
 * line naming it. The jobs under test are the tests' own, submitted to that Spark cluster.
 */
final class TestStack {
    private static LocalStack stack;

    private TestStack() {}

    static synchronized LocalStack get() {
        if (stack == null) {
            LocalStack local = LocalStack.forProject();
            List<Component> needed = new ArrayList<>(local.topology().kafkaBrokers());
            needed.addAll(local.topology().mongoServer());
            needed.addAll(local.topology().spark());
            needed.addAll(local.topology().emulator());
            local.requireRunning(needed);
            stack = local;
        }
        return stack;
    }
}
