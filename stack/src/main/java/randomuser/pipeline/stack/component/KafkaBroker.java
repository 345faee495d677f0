package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.process.LaunchSpec;
import randomuser.pipeline.stack.process.LogTail;

/** One Kafka node in KRaft combined mode (broker + controller), in a JVM of its own with a 512 MiB heap. */
public final class KafkaBroker {
    private final StackLayout layout;
    private final int nodeId;

    private KafkaBroker(StackLayout layout, int nodeId) {
        this.layout = layout;
        this.nodeId = nodeId;
    }

    /** Node {@code nodeId} (one of {@link KafkaBrokerConfig#NODE_IDS}). */
    public static Component component(StackLayout layout, int nodeId) {
        KafkaBroker broker = new KafkaBroker(layout, nodeId);
        return new Component(
                componentName(nodeId),
                List.of(KafkaBrokerConfig.brokerPort(nodeId), KafkaBrokerConfig.controllerPort(nodeId)),
                // Its quorum peers start beside it: a controller waits for the others' votes.
                Component.NO_DEPENDENCIES,
                List.of(InstallSteps.kafkaHome(layout)),
                Duration.ofSeconds(120),
                "127.0.0.1:" + KafkaBrokerConfig.brokerPort(nodeId) + " (controller :"
                        + KafkaBrokerConfig.controllerPort(nodeId) + ")",
                "KAFKA_BOOTSTRAP_SERVERS=" + KafkaBrokerConfig.bootstrapServers() + " (no auth)",
                broker::launchSpec,
                probes -> probes.kafka().brokerHealth(nodeId),
                broker::prepare);
    }

    public static String componentName(int nodeId) {
        return "kafka-" + nodeId;
    }

    static Path log4jConfig(StackLayout layout) {
        return layout.kafkaHome().resolve("config").resolve("log4j2.properties");
    }

    private String name() {
        return componentName(nodeId);
    }

    private Path nodeDir() {
        return layout.kafkaStateDir().resolve(Integer.toString(nodeId));
    }

    private Path dataDir() {
        return nodeDir().resolve("data");
    }

    private Path configFile() {
        return nodeDir().resolve("server.properties");
    }

    /** Writes server.properties and, on the first start only, formats the node's storage with the cluster id. */
    private void prepare(Progress progress) {
        try {
            Files.createDirectories(nodeDir());
            Files.writeString(configFile(), KafkaBrokerConfig.render(nodeId, dataDir()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.isRegularFile(dataDir().resolve("meta.properties"))) {
            return;
        }
        progress.line("formatting the storage of " + name() + " (first start)");
        Path log = layout.logFile(name());
        try {
            Process format = new ProcessBuilder(javaCommand(
                            "kafka.tools.StorageTool",
                            "format",
                            "--cluster-id",
                            clusterId(layout),
                            "--config",
                            configFile().toString()))
                    .directory(layout.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new StackException(
                        "formatting the storage of " + name() + " failed; " + LogTail.excerpt(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting " + name());
        }
    }

    /** The one cluster id of the local cluster, made on the first start and kept in var/kafka/cluster-id. */
    static synchronized String clusterId(StackLayout layout) throws IOException {
        Path file = layout.kafkaStateDir().resolve("cluster-id");
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(file.getParent());
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + System.lineSeparator());
        return id;
    }

    private LaunchSpec launchSpec() {
        return new LaunchSpec(
                name(), javaCommand("kafka.Kafka", configFile().toString()), JvmFootprint.ENVIRONMENT, layout.root());
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                StackLayout.javaExecutable().toString(),
                "-Xms256m",
                "-Xmx512m",
                // Kafka's own launcher settings for G1.
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig(layout),
                "-cp",
                layout.kafkaLibs() + "/*",
                mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
