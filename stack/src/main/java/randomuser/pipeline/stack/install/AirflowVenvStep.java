package randomuser.pipeline.stack.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

/**
 * Airflow in its own virtualenv ({@code .local/airflow/venv}), installed from PyPI exactly as the committed
 * {@code airflow/constraints.txt} pins it: pip without constraints is known to produce broken Airflow
 * installs. Runs again when requirements.txt or constraints.txt change (the stamp holds their hash).
 */
public final class AirflowVenvStep implements InstallStep {
    static final String REQUIREMENTS = "requirements.txt";
    static final String CONSTRAINTS = "constraints.txt";

    private final StackLayout layout;

    public AirflowVenvStep(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String description() {
        return "Airflow (pip install into .local/airflow/venv, a few minutes the first time)";
    }

    @Override
    public List<Prerequisite> prerequisites() {
        return List.of(Prerequisite.PYTHON3);
    }

    @Override
    public boolean isDone() {
        return Files.isExecutable(airflowExecutable(layout)) && stamp().isCurrent();
    }

    /** The {@code airflow} command of the virtualenv. */
    public static Path airflowExecutable(StackLayout layout) {
        return layout.airflowVenv().resolve("bin").resolve("airflow");
    }

    @Override
    public void install(CommandRunner runner) {
        Path requirements = layout.airflowConfig(REQUIREMENTS);
        Path constraints = layout.airflowConfig(CONSTRAINTS);
        for (Path file : List.of(requirements, constraints)) {
            if (!Files.isRegularFile(file)) {
                throw new StackException("cannot install Airflow: " + file + " is missing");
            }
        }
        Stamp stamp = stamp();
        stamp.delete();
        Path log = layout.logsDir().resolve("install-airflow.log");
        Path python = layout.airflowVenv().resolve("bin").resolve("python");
        if (!Files.isExecutable(python)) {
            createDirectories(layout.airflowVenv().getParent());
            // No registry involved: a failure here is a local Python problem (e.g. python3-venv missing),
            // which the log excerpt of the failure shows.
            runner.run(
                    "the Airflow virtualenv",
                    Registry.PYPI,
                    List.of("python3", "-m", "venv", layout.airflowVenv().toString()),
                    Map.of(),
                    layout.root(),
                    log);
        }
        runner.run(
                "Airflow",
                Registry.PYPI,
                List.of(
                        python.toString(),
                        "-m",
                        "pip",
                        "install",
                        "--disable-pip-version-check",
                        "--no-input",
                        "--progress-bar",
                        "off",
                        "-r",
                        requirements.toString(),
                        "-c",
                        constraints.toString()),
                Map.of(),
                layout.root(),
                log);
        if (!Files.isExecutable(airflowExecutable(layout))) {
            throw new StackException(
                    "installing Airflow did not produce " + airflowExecutable(layout) + "; see " + log);
        }
        stamp.write();
    }

    private Stamp stamp() {
        return new Stamp(
                layout.stampsDir().resolve("airflow"),
                Stamp.sha256(read(layout.airflowConfig(REQUIREMENTS)), read(layout.airflowConfig(CONSTRAINTS))));
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
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
