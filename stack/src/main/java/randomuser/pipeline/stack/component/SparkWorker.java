package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LaunchSpec;

/**
 * A Spark standalone worker offering one core and 1 GiB to the master, so that each of the six streaming
 * jobs (spark.cores.max=1) gets a worker of its own. Web UI on 8090+n.
 */
public final class SparkWorker implements Component {
    public static final int COUNT = 6;
    public static final String MEMORY = "1g";

    private final StackLayout layout;
    private final int number;

    public SparkWorker(StackLayout layout, int number) {
        this.layout = layout;
        this.number = number;
    }

    public static String componentName(int number) {
        return "spark-worker-" + number;
    }

    public int uiPort() {
        return 8090 + number;
    }

    @Override
    public String name() {
        return componentName(number);
    }

    @Override
    public List<Integer> ports() {
        return List.of(uiPort());
    }

    @Override
    public List<InstallStep> installSteps() {
        return List.of(InstallSteps.sparkHome(layout));
    }

    @Override
    public LaunchSpec launchSpec() {
        List<String> command =
                new ArrayList<>(SparkJvm.javaCommand(layout, "256m", "org.apache.spark.deploy.worker.Worker"));
        command.add(1, JvmFootprint.QUICK_JIT);
        // Keeps the work folder from growing with every application's files.
        command.add(1, "-Dspark.worker.cleanup.enabled=true");
        command.addAll(List.of(
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                MEMORY,
                "--webui-port",
                Integer.toString(uiPort()),
                "--work-dir",
                layout.sparkStateDir().resolve("worker-" + number).toString(),
                SparkMaster.URL));
        return new LaunchSpec(name(), command, SparkJvm.environment(layout), layout.root());
    }

    @Override
    public Health probe(Probes probes) {
        return probes.sparkMaster().workerHealth(uiPort());
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public String address() {
        return "UI http://127.0.0.1:" + uiPort();
    }

    @Override
    public String howToUse() {
        return "1 core, " + MEMORY + "; registered at " + SparkMaster.URL;
    }
}
