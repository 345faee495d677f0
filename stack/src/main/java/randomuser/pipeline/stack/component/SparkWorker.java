package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.process.LaunchSpec;

/**
 * A Spark standalone worker offering one core and 1 GiB to the master, so that each of the six streaming
 * jobs (spark.cores.max=1) gets a worker of its own. Web UI on 8090+n.
 */
public final class SparkWorker {
    public static final int COUNT = 6;
    public static final String MEMORY = "1g";

    private SparkWorker() {}

    public static String componentName(int number) {
        return "spark-worker-" + number;
    }

    static int uiPort(int number) {
        return 8090 + number;
    }

    /** Worker {@code number} (1 to {@link #COUNT}). */
    public static Component component(StackLayout layout, int number) {
        return new Component(
                componentName(number),
                List.of(uiPort(number)),
                List.of(SparkMaster.NAME),
                List.of(InstallSteps.sparkHome(layout)),
                Duration.ofSeconds(120),
                "UI http://127.0.0.1:" + uiPort(number),
                "1 core, " + MEMORY + "; registered at " + SparkMaster.URL,
                () -> launchSpec(layout, number),
                probes -> probes.sparkMaster().workerHealth(uiPort(number)),
                Component.NOTHING_TO_PREPARE);
    }

    private static LaunchSpec launchSpec(StackLayout layout, int number) {
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
                Integer.toString(uiPort(number)),
                "--work-dir",
                layout.sparkStateDir().resolve("worker-" + number).toString(),
                SparkMaster.URL));
        return new LaunchSpec(componentName(number), command, SparkJvm.environment(layout), layout.root());
    }
}
