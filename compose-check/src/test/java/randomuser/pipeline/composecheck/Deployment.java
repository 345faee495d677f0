package randomuser.pipeline.composecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Compose deployment under test and the sources of truth it is checked against. */
final class Deployment {

    static final Path ROOT = RepoRoot.find();
    static final ComposeFile KAFKA = ComposeFile.load(ROOT.resolve("docker-compose-kafka.yaml"));
    static final ComposeFile SPARK = ComposeFile.load(ROOT.resolve("docker-compose-spark.yaml"));
    static final ComposeFile AIRFLOW = ComposeFile.load(ROOT.resolve("docker-compose-airflow.yaml"));
    static final List<ComposeFile> ALL = List.of(KAFKA, SPARK, AIRFLOW);

    static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
    static final String NETWORK = "randomuser-pipeline";
    static final Path ENV_EXAMPLE = ROOT.resolve("deploy/compose.env.example");

    private static final Pattern PLAINTEXT_LISTENER = Pattern.compile("(?:^|,)PLAINTEXT://([^,]+)");

    private Deployment() {}

    static PomProperties pom() {
        return PomProperties.of(ROOT.resolve("pom.xml"));
    }

    static String airflowVersion() {
        return AirflowRequirements.pinnedVersion(ROOT.resolve("airflow/requirements.txt"));
    }

    static Map<String, String> envExample() {
        return EnvFile.read(ENV_EXAMPLE);
    }

    /** Brokers' in-network addresses, as the brokers advertise them: what every client's bootstrap list must be. */
    static String brokerBootstrapServers() {
        return String.join(
                ",",
                BROKERS.stream()
                        .map(broker -> {
                            Matcher listener = PLAINTEXT_LISTENER.matcher(
                                    KAFKA.environment(broker).get("KAFKA_ADVERTISED_LISTENERS"));
                            if (!listener.find()) {
                                throw new AssertionError(broker + " advertises no PLAINTEXT listener");
                            }
                            return listener.group(1);
                        })
                        .toList());
    }

    static String read(String relativePath) {
        try {
            return Files.readString(ROOT.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
