package randomuser.pipeline.composecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static randomuser.pipeline.composecheck.Deployment.AIRFLOW;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.composecheck.ComposeFile.Mount;

/** docker-compose-airflow.yaml and deploy/airflow/Dockerfile. */
class AirflowComposeTest {

    private static final List<String> COMPONENTS =
            List.of("airflow-init", "airflow-api-server", "airflow-scheduler", "airflow-dag-processor");
    private static final List<String> LONG_RUNNING = COMPONENTS.subList(1, COMPONENTS.size());
    private static final String FETCHER_JAR = "/opt/randomuser/fetcher.jar";

    @Test
    void servicesAreTheFourComponentsTheMigrationAndPostgres() {
        Set<String> expected = new java.util.HashSet<>(COMPONENTS);
        expected.add("airflow-postgres");
        assertEquals(expected, AIRFLOW.serviceNames());
    }

    @Test
    void imageIsBuiltFromTheOfficialImageOfTheLocalStacksAirflowVersion() {
        String version = Deployment.airflowVersion();
        for (String component : COMPONENTS) {
            assertEquals("randomuser-pipeline/airflow:" + version, AIRFLOW.image(component), component);
            Map<String, Object> build =
                    ComposeFile.asMap(AIRFLOW.service(component).get("build"), component + " build");
            assertEquals(".", build.get("context"), component);
            assertEquals("deploy/airflow/Dockerfile", build.get("dockerfile"), component);
            assertEquals(Map.of("AIRFLOW_VERSION", version), build.get("args"), component);
        }
        List<String> dockerfile =
                Deployment.read("deploy/airflow/Dockerfile").lines().toList();
        assertTrue(dockerfile.contains("ARG AIRFLOW_VERSION"), "the version is the build argument");
        assertTrue(
                dockerfile.contains("FROM apache/airflow:${AIRFLOW_VERSION}-python3.11"),
                "official image of that version");
    }

    @Test
    void imageAddsAJava17RuntimeAndTheFetcherJarWhereFetcherJarPoints() {
        String dockerfile = Deployment.read("deploy/airflow/Dockerfile");
        assertTrue(
                dockerfile.contains("apt-get install -y --no-install-recommends openjdk-17-jre-headless"),
                "a Java 17 runtime");
        assertTrue(
                dockerfile
                        .lines()
                        .anyMatch(("COPY --chown=airflow:root fetcher/target/fetcher.jar " + FETCHER_JAR)::equals),
                "the fetcher jar built by Maven");
        for (String component : COMPONENTS) {
            assertEquals(FETCHER_JAR, AIRFLOW.environment(component).get("FETCHER_JAR"), component);
        }
    }

    @Test
    void componentsRunWithLocalExecutorOnPostgresTheDagsFolderAndTheFetchersSettings() {
        for (String component : COMPONENTS) {
            Map<String, String> env = AIRFLOW.environment(component);
            assertEquals("LocalExecutor", env.get("AIRFLOW__CORE__EXECUTOR"), component);
            assertTrue(
                    env.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN").endsWith("}@airflow-postgres:5432/airflow"),
                    component);
            assertEquals("${RANDOMUSER_API_URL:-https://randomuser.me}", env.get("RANDOMUSER_API_URL"), component);
            assertEquals(Deployment.brokerBootstrapServers(), env.get("KAFKA_BOOTSTRAP_SERVERS"), component);
            assertEquals(
                    "http://airflow-api-server:8080/execution/",
                    env.get("AIRFLOW__CORE__EXECUTION_API_SERVER_URL"),
                    component);
            assertEquals(
                    List.of(
                            new Mount("bind", "./dags", "/opt/airflow/dags", true),
                            new Mount("volume", "airflow-logs", "/opt/airflow/logs", false)),
                    AIRFLOW.mounts(component),
                    component);
        }
    }

    @Test
    void adminLoginComesFromTheEnvFileThroughTheSimpleAuthManager() {
        for (String component : COMPONENTS) {
            Map<String, String> env = AIRFLOW.environment(component);
            assertEquals(
                    "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
                    env.get("AIRFLOW__CORE__AUTH_MANAGER"),
                    component);
            String users = env.get("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS");
            assertTrue(
                    users.startsWith("${AIRFLOW_ADMIN_USERNAME:?") && users.endsWith("}:admin"),
                    component + ": " + users);
        }
        Map<String, String> apiServer = AIRFLOW.environment("airflow-api-server");
        assertTrue(apiServer.get("AIRFLOW_ADMIN_USERNAME").startsWith("${AIRFLOW_ADMIN_USERNAME:?"));
        assertTrue(apiServer.get("AIRFLOW_ADMIN_PASSWORD").startsWith("${AIRFLOW_ADMIN_PASSWORD:?"));
        assertEquals(List.of("bash", "/opt/randomuser/start-api-server.sh"), AIRFLOW.command("airflow-api-server"));
        assertTrue(
                Deployment.read("deploy/airflow/Dockerfile")
                        .lines()
                        .anyMatch(
                                "COPY --chown=airflow:root deploy/airflow/start-api-server.sh /opt/randomuser/start-api-server.sh"
                                        ::equals),
                "the image holds the start script");
    }

    @Test
    void startOrderIsPostgresThenMigrationThenComponentsEachWithAHealthCheck() {
        assertEquals(Map.of("airflow-postgres", "service_healthy"), AIRFLOW.dependsOn("airflow-init"));
        assertEquals(List.of("db", "migrate"), AIRFLOW.command("airflow-init"));
        assertEquals("no", AIRFLOW.service("airflow-init").get("restart"));
        for (String component : LONG_RUNNING) {
            assertEquals(
                    "service_completed_successfully",
                    AIRFLOW.dependsOn(component).get("airflow-init"),
                    component);
            assertTrue(!AIRFLOW.healthcheckTest(component).isEmpty(), component + " has a health check");
        }
        assertEquals("service_healthy", AIRFLOW.dependsOn("airflow-scheduler").get("airflow-api-server"));
        assertEquals(List.of("scheduler"), AIRFLOW.command("airflow-scheduler"));
        assertEquals(List.of("dag-processor"), AIRFLOW.command("airflow-dag-processor"));
        assertEquals(List.of("8080:8080"), AIRFLOW.ports("airflow-api-server"));
    }

    @Test
    void postgresIsPinnedWithAVolumeAndAHealthCheck() {
        assertTrue(
                AIRFLOW.image("airflow-postgres").matches("postgres:\\d+\\.\\d+"), AIRFLOW.image("airflow-postgres"));
        assertEquals(
                List.of(new Mount("volume", "airflow-postgres-data", "/var/lib/postgresql/data", false)),
                AIRFLOW.mounts("airflow-postgres"));
        assertEquals(
                List.of("CMD", "pg_isready", "-U", "airflow", "-d", "airflow"),
                AIRFLOW.healthcheckTest("airflow-postgres"));
        assertTrue(AIRFLOW.environment("airflow-postgres")
                .get("POSTGRES_PASSWORD")
                .startsWith("${AIRFLOW_POSTGRES_PASSWORD:?"));
    }
}
