package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.BuiltJarStep;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.install.MavenLayoutStep;
import randomuser.pipeline.stack.install.NpmCiStep;

/** The stack's install steps, built once here so that components sharing one (the Spark home) share it. */
public final class InstallSteps {
    private InstallSteps() {}

    /** {@code .local/kafka}: libs/ from Maven Central (broker + its dependencies + a log4j binding), config/. */
    public static InstallStep kafkaHome(StackLayout layout) {
        return new MavenLayoutStep(
                layout,
                "kafka",
                "the Kafka broker jars",
                layout.kafkaLibs(),
                l -> copyResource("kafka-log4j2.properties", KafkaBroker.log4jConfig(l)));
    }

    /**
     * {@code .local/spark}: jars/ from Maven Central, conf/ with a log4j2 config, and an empty
     * launcher/target/scala-2.12, which tells Spark's launcher the Scala version (without it every executor
     * launch fails with "Cannot find any build directories").
     */
    public static InstallStep sparkHome(StackLayout layout) {
        return new MavenLayoutStep(
                layout, "spark", "the Spark home", layout.sparkHome().resolve("jars"), l -> {
                    copyResource(
                            "spark-log4j2.properties",
                            l.sparkHome().resolve("conf").resolve("log4j2.properties"));
                    createDirectories(l.sparkHome()
                            .resolve("launcher")
                            .resolve("target")
                            .resolve("scala-" + SparkJvm.SCALA_VERSION));
                });
    }

    /** The MongoDB-compatible server's jar (mongo-java-server and H2 from Maven Central, built by ./pipeline). */
    public static InstallStep mongoServerJar(StackLayout layout) {
        return new BuiltJarStep(layout, "mongodb-server", layout.mongoServerJar());
    }

    public static InstallStep mongoShell(StackLayout layout) {
        return new NpmCiStep(layout);
    }

    public static InstallStep emulatorJar(StackLayout layout) {
        return new BuiltJarStep(layout, "emulator", layout.emulatorJar());
    }

    /** The fetcher, which the DAGs' task runs with {@code java -jar}. */
    public static InstallStep fetcherJar(StackLayout layout) {
        return new BuiltJarStep(layout, "fetcher", layout.fetcherJar());
    }

    /** The streaming job's jar for spark-submit. */
    public static InstallStep streamingJobJar(StackLayout layout) {
        return new BuiltJarStep(layout, "spark-streaming", layout.streamingJobJar());
    }

    private static void copyResource(String resource, Path target) {
        try (InputStream in = InstallSteps.class.getResourceAsStream("/randomuser/pipeline/stack/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the stack jar: " + resource);
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
