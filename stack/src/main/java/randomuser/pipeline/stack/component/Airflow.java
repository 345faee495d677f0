package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;
import randomuser.pipeline.stack.install.AirflowVenvStep;
import randomuser.pipeline.stack.process.LaunchSpec;

/**
 * Airflow's scheduler (LocalExecutor), DAG processor and API server with the UI, started together by
 * {@code airflow/run-local-airflow.sh} (SQLite metadata in var/airflow), with the project's dags/ and the
 * environment of {@code airflow/airflow-local.env}. Healthy when every part reports healthy and both DAGs are
 * parsed.
 */
public final class Airflow {
    public static final String NAME = "airflow";
    public static final int PORT = 8080;
    public static final String URL = "http://127.0.0.1:" + PORT;
    /** The scheduler's log server, for the logs of running tasks (on all interfaces: Airflow 3.1 has no setting). */
    public static final int LOG_SERVER_PORT = 8793;
    /** The local login, written into the simple auth manager's password file before the first start. */
    public static final String USERNAME = "admin";

    public static final String PASSWORD = "admin";
    static final String ENV_FILE = "airflow-local.env";
    static final String LAUNCH_SCRIPT = "run-local-airflow.sh";
    static final String PASSWORDS_FILE = "simple_auth_manager_passwords.json";
    /**
     * The ingest DAG's schedule knob (dags/randomuser_common.py). Unset for the local stack, whatever the
     * caller's shell holds: the product default (every minute) applies; tests pause the DAG instead.
     */
    static final String INGEST_SCHEDULE_VARIABLE = "RANDOMUSER_INGEST_SCHEDULE";

    private final StackLayout layout;

    private Airflow(StackLayout layout) {
        this.layout = layout;
    }

    /**
     * The health probe's client, made at the first probe and kept for the JVM's life: the local Airflow's address
     * and login never change, and a client holds an HTTP client with a thread of its own, too much to build with
     * every row of the stack's table (the table is built for each status, each wait and each dependency looked up).
     */
    private static final class ProbeClient {
        static final AirflowClient INSTANCE = client().withRequestTimeout(Duration.ofSeconds(5));
    }

    /**
     * Airflow, which needs itself installed and the fetcher jar its DAGs' task runs; healthy when every part
     * reports healthy and both DAGs are parsed. About 20 s on an idle machine; the first start also creates the
     * metadata database.
     */
    public static Component component(StackLayout layout) {
        Airflow airflow = new Airflow(layout);
        return new Component(
                NAME,
                List.of(PORT, LOG_SERVER_PORT),
                Component.NO_DEPENDENCIES,
                List.of(new AirflowVenvStep(layout), InstallSteps.fetcherJar(layout)),
                Duration.ofSeconds(240),
                URL,
                "login " + USERNAME + " / " + PASSWORD + " (local only); DAGs " + String.join(", ", PipelineDags.ALL),
                airflow::launchSpec,
                probes -> probes.airflow(ProbeClient.INSTANCE, PipelineDags.ALL).health(),
                airflow::writeLogin);
    }

    /** A client of the local Airflow, logged in as the local admin. */
    public static AirflowClient client() {
        return new AirflowClient(URL, USERNAME, PASSWORD);
    }

    /** AIRFLOW_HOME, and the local login's password file when there is none (Airflow keeps an existing one). */
    private void writeLogin(Progress progress) {
        try {
            Files.createDirectories(layout.airflowHome());
            Path passwords = layout.airflowHome().resolve(PASSWORDS_FILE);
            if (!Files.exists(passwords)) {
                Files.writeString(passwords, "{\"" + USERNAME + "\": \"" + PASSWORD + "\"}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LaunchSpec launchSpec() {
        Path venvBin = layout.airflowVenv().resolve("bin");
        Map<String, String> environment = AirflowEnvironment.load(
                layout.airflowConfig(ENV_FILE),
                layout,
                venvBin,
                System.getenv("PATH"),
                System.getProperty("java.home"));
        return new LaunchSpec(
                NAME,
                List.of("bash", layout.airflowConfig(LAUNCH_SCRIPT).toString()),
                environment,
                List.of(INGEST_SCHEDULE_VARIABLE),
                layout.root());
    }
}
