package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LaunchSpec;

/** The Spark standalone master: RPC on 7077, web UI on 8081 (Airflow has 8080). */
public final class SparkMaster implements Component {
    public static final String NAME = "spark-master";
    public static final int RPC_PORT = 7077;
    public static final int UI_PORT = 8081;
    public static final String URL = "spark://127.0.0.1:" + RPC_PORT;
    public static final String UI_URL = "http://127.0.0.1:" + UI_PORT;

    private final StackLayout layout;

    public SparkMaster(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports() {
        return List.of(RPC_PORT, UI_PORT);
    }

    @Override
    public List<InstallStep> installSteps() {
        return List.of(InstallSteps.sparkHome(layout));
    }

    @Override
    public LaunchSpec launchSpec() {
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

    @Override
    public Health probe(Probes probes) {
        return probes.sparkMaster().masterHealth();
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    @Override
    public String address() {
        return URL + ", UI " + UI_URL;
    }

    @Override
    public String howToUse() {
        return "SPARK_MASTER_URL=" + URL + "; UI without login";
    }
}
