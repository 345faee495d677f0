package randomuser.pipeline.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import randomuser.pipeline.stack.LocalStack;

/**
 * One MongoDB for every test of a JVM, found once (see {@link TestMongoResolver} for the order). Use it
 * directly ({@code MongoForTests.get().uri()}) or through {@link MongoExtension}.
 */
public final class MongoForTests {
    private static TestMongo resolved;

    private MongoForTests() {
    }

    public static synchronized TestMongo get() {
        if (resolved == null) {
            resolved = new TestMongoResolver(System::getenv, MongoForTests::localStack,
                    MongoForTests::dockerAvailable, MongoForTests::startContainer).resolve();
        }
        return resolved;
    }

    private static String localStack() {
        LocalStack stack = LocalStack.forProject();
        stack.ensureMongo();
        return stack.mongoUri();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Started once and left to Testcontainers' reaper, which removes it when the JVM ends. */
    private static String startContainer() {
        MongoDBContainer container = new MongoDBContainer(DockerImageName.parse("mongo:7"));
        container.start();
        return container.getConnectionString();
    }
}
