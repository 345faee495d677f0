package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.process.LaunchSpec;

/** The Spark standalone master: RPC on 7077, web UI on 8081 (Airflow has 8080). */
public final class SparkMaster {
    public static final String NAME = "spark-master";
    public static final int RPC_PORT = 7077;
    public static final int UI_PORT = 8081;
    public static final String URL = "spark://127.0.0.1:" + RPC_PORT;
    public static final String UI_URL = "http://127.0.0.1:" + UI_PORT;

    private SparkMaster() {}

    public static Component component(StackLayout layout) {
        return new Component(
                NAME,
                List.of(RPC_PORT, UI_PORT),
                Component.NO_DEPENDENCIES,
                List.of(InstallSteps.sparkHome(layout)),
                Duration.ofSeconds(90),
                URL + ", UI " + UI_URL,
                "SPARK_MASTER_URL=" + URL + "; UI without login",
                () -> launchSpec(layout),
                probes -> probes.sparkMaster().masterHealth(),
                Component.NOTHING_TO_PREPARE);
    }

    private static LaunchSpec launchSpec(StackLayout layout) {
        List<String> command =
                new ArrayList<>(SparkJvm.javaCommand(layout, "256m", "org.apache.spark.deploy.master.Master"));
        command.add(1, JvmFootprint.QUICK_JIT);
        command.addAll(List.of(
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(RPC_PORT),
                "--webui-port",
                Integer.toString(UI_PORT)));
        return new LaunchSpec(NAME, command, SparkJvm.environment(layout), layout.root());
    }
}
