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

    @Test
    void replacesTheProjectRootSkipsCommentsAndPutsTheVenvFirstOnPath() {
        Map<String, String> env = AirflowEnvironment.render(String.join("\n",
                "# a comment",
                "",
                "AIRFLOW_HOME=${PROJECT_ROOT}/var/airflow",
                "  AIRFLOW__CORE__DAGS_FOLDER = ${PROJECT_ROOT}/dags  ",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=admin:admin",
                "EMPTY="), "test.env", ROOT, VENV_BIN, "/usr/bin:/bin", "/opt/java");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("AIRFLOW_HOME", "/work/project/var/airflow");
        expected.put("AIRFLOW__CORE__DAGS_FOLDER", "/work/project/dags");
        expected.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", "admin:admin");
        expected.put("EMPTY", "");
        expected.put("PATH", "/work/project/.local/airflow/venv/bin:/usr/bin:/bin");
        expected.put("JAVA_HOME", "/opt/java");
        assertEquals(expected, env);
    }

    @Test
    void withoutACallerPathOnlyTheVenvIsOnPath() {
        Map<String, String> env = AirflowEnvironment.render("A=1", "test.env", ROOT, VENV_BIN, null, "/opt/java");
        assertEquals("/work/project/.local/airflow/venv/bin", env.get("PATH"));
    }

    @Test
    void anUnknownPlaceholderIsAnError() {
        StackException e = assertThrows(StackException.class, () -> AirflowEnvironment.render(
                "A=1\nB=${HOME}/x", "airflow-local.env", ROOT, VENV_BIN, "", "/opt/java"));
        assertEquals("airflow-local.env line 2: unknown placeholder ${HOME} (only ${PROJECT_ROOT} is replaced)", e.getMessage());
    }

    @Test
    void aLineWithoutKeyAndValueIsAnError() {
        StackException e = assertThrows(StackException.class, () -> AirflowEnvironment.render(
                "export A", "airflow-local.env", ROOT, VENV_BIN, "", "/opt/java"));
        assertEquals("airflow-local.env line 1: expected KEY=VALUE, got: export A", e.getMessage());
    }

    /** The committed file renders, and points Airflow at this project's folders. */
    @Test
    void theProjectsEnvFileRenders() {
        StackLayout layout = StackLayout.forProject();
        Map<String, String> env = AirflowEnvironment.load(layout.airflowConfig("airflow-local.env"), layout.root(),
                layout.airflowVenv().resolve("bin"), "/usr/bin", "/opt/java");
        assertEquals(layout.airflowHome().toString(), env.get("AIRFLOW_HOME"));
        assertEquals(layout.dagsDir().toString(), env.get("AIRFLOW__CORE__DAGS_FOLDER"));
        assertEquals("8080", env.get("AIRFLOW__API__PORT"));
        assertEquals("False", env.get("AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION"));
        assertFalse(env.containsKey("RANDOMUSER_INGEST_SCHEDULE"));
        env.values().forEach(value -> assertFalse(value.contains("${"), value));
    }
}
