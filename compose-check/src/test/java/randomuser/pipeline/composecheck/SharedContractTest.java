package randomuser.pipeline.composecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static randomuser.pipeline.composecheck.Deployment.AIRFLOW;
import static randomuser.pipeline.composecheck.Deployment.ALL;
import static randomuser.pipeline.composecheck.Deployment.KAFKA;
import static randomuser.pipeline.composecheck.Deployment.NETWORK;
import static randomuser.pipeline.composecheck.Deployment.SPARK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What the three compose files share: the network, the settings names, the env file, and no secrets. */
class SharedContractTest {

    /** The settings of the local stack (flag + environment variable, same meaning everywhere). */
    private static final Set<String> CONTRACT_SETTINGS = Set.of(
            "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "MONGODB_DATABASE", "RANDOMUSER_API_URL", "SPARK_MASTER_URL");
    /** Names of the deployment itself, read by its own scripts and DAG tasks, not product settings. */
    private static final Set<String> DEPLOYMENT_NAMES =
            Set.of("FETCHER_JAR", "TOPIC_PARTITIONS", "AIRFLOW_ADMIN_USERNAME", "AIRFLOW_ADMIN_PASSWORD");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|FERNET|TOKEN|_KEY)$");
    private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([:?-][^}]*)?}");
    private static final Pattern ONLY_A_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:\\?[^}]*|:-)?}");
    private static final Pattern URI_USER_INFO = Pattern.compile("://([^/@\\s]*)@");

    @Test
    void kafkaFileCreatesTheSharedNetworkAndTheOtherTwoJoinIt() {
        assertEquals(Map.of("default", Map.of("name", NETWORK)), KAFKA.section("networks"));
        assertEquals(Map.of("default", Map.of("name", NETWORK, "external", true)), SPARK.section("networks"));
        assertEquals(Map.of("default", Map.of("name", NETWORK, "external", true)), AIRFLOW.section("networks"));
        for (ComposeFile file : ALL) {
            for (String service : file.serviceNames()) {
                assertFalse(
                        file.service(service).containsKey("networks"),
                        file.name() + " " + service + " stays on the default network");
                assertFalse(
                        file.service(service).containsKey("network_mode"),
                        file.name() + " " + service + " stays on the default network");
            }
        }
    }

    @Test
    void projectServicesUseTheLocalStacksSettingsNamesOnly() {
        List<String> projectServices = new ArrayList<>();
        SPARK.serviceNames().stream().filter(s -> s.startsWith("job-")).forEach(s -> projectServices.add("spark " + s));
        AIRFLOW.serviceNames().stream()
                .filter(s -> !s.equals("airflow-postgres"))
                .forEach(s -> projectServices.add("airflow " + s));
        projectServices.add("kafka kafka-topics");
        for (String entry : projectServices) {
            String[] fileAndService = entry.split(" ");
            ComposeFile file =
                    fileAndService[0].equals("spark") ? SPARK : fileAndService[0].equals("airflow") ? AIRFLOW : KAFKA;
            for (String name : file.environment(fileAndService[1]).keySet()) {
                boolean airflowOwnConfiguration = name.startsWith("AIRFLOW__");
                assertTrue(
                        airflowOwnConfiguration || CONTRACT_SETTINGS.contains(name) || DEPLOYMENT_NAMES.contains(name),
                        entry + " sets " + name + ", which is not a setting of the local stack");
            }
        }
        for (String job :
                SPARK.serviceNames().stream().filter(s -> s.startsWith("job-")).toList()) {
            assertTrue(
                    SPARK.environment(job)
                            .keySet()
                            .containsAll(Set.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SPARK_MASTER_URL")),
                    job);
        }
        for (String component : AIRFLOW.serviceNames().stream()
                .filter(s -> !s.equals("airflow-postgres"))
                .toList()) {
            assertTrue(
                    AIRFLOW.environment(component)
                            .keySet()
                            .containsAll(Set.of("KAFKA_BOOTSTRAP_SERVERS", "RANDOMUSER_API_URL", "FETCHER_JAR")),
                    component);
        }
    }

    @Test
    void everyKafkaBootstrapSettingNamesTheThreeBrokers() {
        int settings = 0;
        for (ComposeFile file : ALL) {
            for (String service : file.serviceNames()) {
                String value = file.environment(service).get("KAFKA_BOOTSTRAP_SERVERS");
                if (value != null) {
                    assertEquals(Deployment.brokerBootstrapServers(), value, file.name() + " " + service);
                    settings++;
                }
            }
        }
        assertEquals("kafka-1:9092,kafka-2:9092,kafka-3:9092", Deployment.brokerBootstrapServers());
        assertEquals(
                1 + 6 + 4,
                settings,
                "kafka-topics, six jobs and four Airflow services (init, api-server, scheduler, dag-processor) set KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void theExampleEnvFileDefinesExactlyTheVariablesTheComposeFilesRead() {
        Set<String> referenced = new TreeSet<>();
        for (ComposeFile file : ALL) {
            Matcher reference = REFERENCE.matcher(file.text());
            while (reference.find()) {
                referenced.add(reference.group(1));
            }
        }
        Set<String> defined = new TreeSet<>(Deployment.envExample().keySet());
        defined.removeIf(name -> name.startsWith("COMPOSE_")); // read by Compose itself, not by the files
        assertEquals(referenced, defined);
    }

    @Test
    void everySecretInTheComposeFilesComesFromTheEnvFile() {
        for (ComposeFile file : ALL) {
            for (String service : file.serviceNames()) {
                file.environment(service).forEach((name, value) -> {
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertTrue(
                                ONLY_A_REFERENCE.matcher(value).matches(),
                                file.name() + " " + service + " " + name
                                        + " must be a ${VARIABLE} from .env, not a literal");
                    }
                    // With the ${...} references taken out, what is left of user:password@ must have no password.
                    Matcher userInfo = URI_USER_INFO.matcher(value.replaceAll("\\$\\{[^}]*}", ""));
                    while (userInfo.find()) {
                        String literalPart = userInfo.group(1);
                        int colon = literalPart.indexOf(':');
                        assertTrue(
                                colon < 0 || colon == literalPart.length() - 1,
                                file.name() + " " + service + " " + name + " has a literal password in its URI");
                    }
                });
            }
        }
    }

    @Test
    void noPlaceholderPasswordOfTheExampleIsCopiedIntoACommittedFile() throws IOException {
        Set<String> secretValues = new HashSet<>();
        Deployment.envExample().forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && !value.isEmpty()) {
                secretValues.add(value);
            }
        });
        assertFalse(secretValues.isEmpty());
        for (Path file : committedDeploymentFiles()) {
            String text = Files.readString(file);
            for (String secret : secretValues) {
                assertFalse(
                        text.contains(secret),
                        Deployment.ROOT.relativize(file) + " contains the example's secret " + secret);
            }
        }
    }

    @Test
    void theExampleEnvFileHoldsPlaceholdersOnlyAndTheRealOneIsIgnoredByGit() throws IOException {
        Set<String> required = new HashSet<>();
        for (ComposeFile file : ALL) {
            Matcher reference = REFERENCE.matcher(file.text());
            while (reference.find()) {
                if (reference.group(2) != null && reference.group(2).startsWith(":?")) {
                    required.add(reference.group(1));
                }
            }
        }
        Deployment.envExample().forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                boolean placeholder = value.startsWith("change-me") || (value.isEmpty() && !required.contains(name));
                assertTrue(placeholder, "deploy/compose.env.example " + name + " must be a change-me placeholder");
            }
        });
        assertTrue(
                Files.readAllLines(Deployment.ROOT.resolve(".gitignore")).stream()
                        .map(String::trim)
                        .anyMatch(".env"::equals),
                ".env is git-ignored");
    }

    /** The compose files and deploy/, without the example env file (the one place placeholders live). */
    private static List<Path> committedDeploymentFiles() {
        List<Path> files = new ArrayList<>();
        for (ComposeFile file : ALL) {
            files.add(Deployment.ROOT.resolve(file.name()));
        }
        try (Stream<Path> deploy = Files.walk(Deployment.ROOT.resolve("deploy"))) {
            deploy.filter(Files::isRegularFile)
                    .filter(f -> !f.equals(Deployment.ENV_EXAMPLE))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
