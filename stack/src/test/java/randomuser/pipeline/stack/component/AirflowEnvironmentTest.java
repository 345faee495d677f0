package randomuser.pipeline.stack.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

class AirflowEnvironmentTest {
    private static final Path ROOT = Path.of("/work/project");
    private static final Path VENV_BIN = ROOT.resolve(".local/airflow/venv/bin");
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "${PROJECT_ROOT}",
            ROOT.toString(),
            "${STATE_DIR}",
            ROOT.resolve("var/test-stack").toString());

    @Test
    void replacesThePlaceholdersSkipsCommentsAndPutsTheVenvFirstOnPath() {
        Map<String, String> env = AirflowEnvironment.render(
                String.join(
                        "\n",
                        "# a comment",
                        "",
                        "AIRFLOW_HOME=${STATE_DIR}/airflow",
                        "  AIRFLOW__CORE__DAGS_FOLDER = ${PROJECT_ROOT}/dags  ",
                        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=admin:admin",
                        "EMPTY="),
                "test.env",
                PLACEHOLDERS,
                VENV_BIN,
                "/usr/bin:/bin",
                "/opt/java");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("AIRFLOW_HOME", "/work/project/var/test-stack/airflow");
        expected.put("AIRFLOW__CORE__DAGS_FOLDER", "/work/project/dags");
        expected.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", "admin:admin");
        expected.put("EMPTY", "");
        expected.put("PATH", "/work/project/.local/airflow/venv/bin:/usr/bin:/bin");
        expected.put("JAVA_HOME", "/opt/java");
        assertEquals(expected, env);
    }

    @Test
    void withoutACallerPathOnlyTheVenvIsOnPath() {
        Map<String, String> env =
                AirflowEnvironment.render("A=1", "test.env", PLACEHOLDERS, VENV_BIN, null, "/opt/java");
        assertEquals("/work/project/.local/airflow/venv/bin", env.get("PATH"));
    }

    @Test
    void anUnknownPlaceholderIsAnError() {
        StackException e = assertThrows(
                StackException.class,
                () -> AirflowEnvironment.render(
                        "A=1\nB=${HOME}/x", "airflow-local.env", PLACEHOLDERS, VENV_BIN, "", "/opt/java"));
        assertEquals(
                "airflow-local.env line 2: unknown placeholder ${HOME} (only ${PROJECT_ROOT} and ${STATE_DIR} are replaced)",
                e.getMessage());
    }

    @Test
    void aLineWithoutKeyAndValueIsAnError() {
        StackException e = assertThrows(
                StackException.class,
                () -> AirflowEnvironment.render(
                        "export A", "airflow-local.env", PLACEHOLDERS, VENV_BIN, "", "/opt/java"));
        assertEquals("airflow-local.env line 1: expected KEY=VALUE, got: export A", e.getMessage());
    }

    /** The committed file renders, and points Airflow at this project's folders and the test stack's state. */
    @Test
    void theProjectsEnvFileRenders() {
        StackLayout layout = StackLayout.forProject().forTests();
        Map<String, String> env = AirflowEnvironment.load(
                layout.airflowConfig("airflow-local.env"),
                layout,
                layout.airflowVenv().resolve("bin"),
                "/usr/bin",
                "/opt/java");
        assertEquals(layout.root().resolve("var/test-stack/airflow").toString(), env.get("AIRFLOW_HOME"));
        assertEquals(
                "sqlite:///" + layout.root().resolve("var/test-stack/airflow/airflow.db"),
                env.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"));
        assertEquals(layout.dagsDir().toString(), env.get("AIRFLOW__CORE__DAGS_FOLDER"));
        assertEquals("8080", env.get("AIRFLOW__API__PORT"));
        assertEquals("False", env.get("AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION"));
        assertFalse(env.containsKey("RANDOMUSER_INGEST_SCHEDULE"));
        env.values().forEach(value -> assertFalse(value.contains("${"), value));
    }
}
