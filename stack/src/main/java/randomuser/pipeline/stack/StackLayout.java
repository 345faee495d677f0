package randomuser.pipeline.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every path of the local stack, derived from the project root: what is installed lives in {@code .local/},
 * state (data, logs, pid files) in the state folder, {@code var/} unless {@value #STATE_DIR_VARIABLE} names
 * another. Both are git-ignored.
 */
public final class StackLayout {
    /** System property that names the project root, for callers whose working folder is elsewhere. */
    public static final String ROOT_PROPERTY = "pipeline.root";
    /**
     * Environment variable that names the state folder (relative to the project root, or absolute). An
     * environment variable, not a property, because it must reach every process below the one that sets it:
     * {@code ./pipeline test} sets it for Maven, whose test JVMs start CLI commands and stack parts in turn.
     */
    public static final String STATE_DIR_VARIABLE = "PIPELINE_STATE_DIR";

    private final Path root;
    private final Path stateDir;

    private StackLayout(Path root, Path stateDir) {
        this.root = root.toAbsolutePath().normalize();
        this.stateDir = this.root.resolve(stateDir).normalize();
    }

    /** The stack of the project at {@code root}, with its state in {@code var/}. */
    public static StackLayout at(Path root) {
        return new StackLayout(root, Path.of("var"));
    }

    /** The project root from {@code -Dpipeline.root}, else the nearest folder above user.dir holding both
     *  {@code pipeline} and {@code pom.xml}; the state folder from {@value #STATE_DIR_VARIABLE}, else var/. */
    public static StackLayout forProject() {
        String configured = System.getProperty(ROOT_PROPERTY);
        StackLayout layout;
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured);
            if (!isProjectRoot(root)) {
                throw new StackException("-D" + ROOT_PROPERTY + "=" + configured
                        + " is not the project root (no `pipeline` and `pom.xml` there)");
            }
            layout = at(root);
        } else {
            layout = at(findProjectRoot(Path.of(System.getProperty("user.dir"))));
        }
        String stateDir = System.getenv(STATE_DIR_VARIABLE);
        return stateDir == null || stateDir.isBlank() ? layout : layout.withStateDir(Path.of(stateDir));
    }

    /** The same project with its state in {@code dir} (relative to the project root, or absolute). */
    public StackLayout withStateDir(Path dir) {
        return new StackLayout(root, dir);
    }

    /**
     * The stack {@code ./pipeline test} runs its tests on: the same project and ports, state in
     * {@code var/test-stack/}, so tests never see, nor change, the data, offsets and checkpoints in var/.
     */
    public StackLayout forTests() {
        return new StackLayout(root, Path.of("var", "test-stack"));
    }

    /** True for the stack {@code ./pipeline test} runs on ({@link #forTests()}). */
    public boolean isForTests() {
        return stateDir.equals(forTests().stateDir);
    }

    /**
     * Names this stack's state folder, under {@value #STATE_DIR_VARIABLE}, in the environment of a process about
     * to start, so that it and every process below it work on this stack.
     */
    public void nameStateDirIn(Map<String, String> environment) {
        environment.put(STATE_DIR_VARIABLE, stateDir.toString());
    }

    static Path findProjectRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isProjectRoot(dir)) {
                return dir;
            }
        }
        throw new StackException("cannot find the project root (a folder with `pipeline` and `pom.xml`) above "
                + start.toAbsolutePath() + "; run from inside the project or set -D" + ROOT_PROPERTY);
    }

    private static boolean isProjectRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pipeline")) && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    public Path root() {
        return root;
    }

    /** The same as {@link #root()}. */
    public Path projectRoot() {
        return root;
    }

    public Path installDir() {
        return root.resolve(".local");
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path logsDir() {
        return stateDir().resolve("logs");
    }

    /** Where {@code ./pipeline test} has pytest write its JUnit XML report (Maven's stay in each module's target/). */
    public Path testReportsDir() {
        return stateDir().resolve("test-reports");
    }

    public Path runDir() {
        return stateDir().resolve("run");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return runDir().resolve(component + ".pid");
    }

    /** What {@code restart-on-failure.sh} records about the process it keeps running (a stack job's driver). */
    public Path restartRecord(String component) {
        return runDir().resolve(component + ".restarts");
    }

    /** A script the stack installed to run its processes with. */
    public Path installedScript(String fileName) {
        return installDir().resolve("bin").resolve(fileName);
    }

    public Path stampsDir() {
        return installDir().resolve("stamps");
    }

    public Path kafkaHome() {
        return installDir().resolve("kafka");
    }

    public Path kafkaLibs() {
        return kafkaHome().resolve("libs");
    }

    public Path kafkaStateDir() {
        return stateDir().resolve("kafka");
    }

    public Path sparkHome() {
        return installDir().resolve("spark");
    }

    public Path sparkStateDir() {
        return stateDir().resolve("spark");
    }

    /** The MongoDB-compatible server's runnable jar (the mongodb-server module). */
    public Path mongoServerJar() {
        return root.resolve("mongodb-server").resolve("target").resolve("mongodb-server.jar");
    }

    /** The copy of {@link #mongoServerJar()} the running server uses (a rebuild must not change it underneath). */
    public Path mongoServerRunJar() {
        return installDir().resolve("mongodb-server").resolve("mongodb-server.jar");
    }

    public Path mongoStateDir() {
        return stateDir().resolve("mongodb");
    }

    /** Every database of the local MongoDB-compatible server, in one H2 MVStore file. */
    public Path mongoDataFile() {
        return mongoStateDir().resolve("data.mv.db");
    }

    public Path mongoShellProject() {
        return root.resolve("tools").resolve("mongosh");
    }

    public Path mongoShell() {
        return mongoShellProject().resolve("node_modules").resolve(".bin").resolve("mongosh");
    }

    public Path emulatorJar() {
        return root.resolve("emulator").resolve("target").resolve("emulator.jar");
    }

    public Path fetcherJar() {
        return root.resolve("fetcher").resolve("target").resolve("fetcher.jar");
    }

    public Path streamingJobJar() {
        return root.resolve("spark-streaming").resolve("target").resolve("spark-streaming.jar");
    }

    /** A streaming job's checkpoint folder: keep it to resume, delete it to start over. */
    public Path checkpointDir(String facetName) {
        return stateDir().resolve("checkpoints").resolve(facetName);
    }

    /** The status JSON a streaming job keeps current (where the job puts it by default, next to its checkpoint). */
    public Path jobStatusFile(String facetName) {
        return stateDir().resolve("checkpoints").resolve("status").resolve(facetName + ".json");
    }

    public Path mongoInitScript() {
        return root.resolve("mongo").resolve("mongo-init.js");
    }

    public Path mongoQueriesScript() {
        return root.resolve("mongo").resolve("queries.js");
    }

    /** The aggregations of ./pipeline report and mongo/queries.js. */
    public Path reportAggregations() {
        return root.resolve("mongo").resolve("report-aggregations.json");
    }

    /** Where ./pipeline report writes its page unless told otherwise. */
    public Path defaultReportPage() {
        return stateDir().resolve("reports").resolve("ingest-report.html");
    }

    /** requirements.txt, constraints.txt and airflow-local.env of the local Airflow. */
    public Path airflowConfig(String fileName) {
        return root.resolve("airflow").resolve(fileName);
    }

    public Path airflowVenv() {
        return installDir().resolve("airflow").resolve("venv");
    }

    /** AIRFLOW_HOME: Airflow's metadata database, logs and generated config. */
    public Path airflowHome() {
        return stateDir().resolve("airflow");
    }

    public Path dagsDir() {
        return root.resolve("dags");
    }

    /** The Maven builds that lay out the Kafka and Spark homes (not reactor modules). */
    public Path installPom(String name) {
        return root.resolve("stack").resolve("install").resolve(name).resolve("pom.xml");
    }

    /** The same Java that runs this code starts every JVM of the stack. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
