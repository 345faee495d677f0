package randomuser.pipeline.testsupport;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Chooses the MongoDB for tests, in this order: {@code MONGODB_URI} when set; else the local stack's server
 * (started if needed); else Testcontainers' mongo:7 when a Docker engine is there. When none can be had it
 * fails with the reasons: a test that needs MongoDB never skips silently.
 */
final class TestMongoResolver {
    static final String ENV = "MONGODB_URI";

    private final Function<String, String> environment;
    private final Supplier<String> localStack;
    private final BooleanSupplier dockerAvailable;
    private final Supplier<String> container;

    /**
     * @param localStack      starts the local server and answers its URI; throws when it cannot
     * @param dockerAvailable whether Testcontainers finds a Docker engine
     * @param container       starts mongo:7 and answers its URI
     */
    TestMongoResolver(Function<String, String> environment, Supplier<String> localStack,
                      BooleanSupplier dockerAvailable, Supplier<String> container) {
        this.environment = environment;
        this.localStack = localStack;
        this.dockerAvailable = dockerAvailable;
        this.container = container;
    }

    TestMongo resolve() {
        String configured = environment.apply(ENV);
        if (configured != null && !configured.isBlank()) {
            return new TestMongo(configured, ENV);
        }
        RuntimeException localFailure;
        try {
            return new TestMongo(localStack.get(), "local stack");
        } catch (RuntimeException e) {
            localFailure = e;
        }
        if (dockerAvailable.getAsBoolean()) {
            return new TestMongo(container.get(), "Testcontainers mongo:7");
        }
        throw new IllegalStateException("no MongoDB for the tests: " + ENV + " is not set, the local stack's server "
                + "could not be started (" + localFailure.getMessage() + "), and there is no Docker engine for "
                + "Testcontainers. Start the local server (./pipeline up --no-trigger) or set " + ENV + ".", localFailure);
    }
}
