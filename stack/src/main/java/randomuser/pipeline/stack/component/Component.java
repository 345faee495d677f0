package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LaunchSpec;

/**
 * One process of the local stack, as data: what it needs installed, the ports it must find free, which other
 * components must serve before it starts, how it is started, how to tell that it really serves, and how long that
 * may take. The {@code Supervisor} reads these and starts every component the same way, each as soon as what it
 * depends on is healthy; {@code StackTopology} lists the stack's. Each kind of server has one
 * factory that fills them in ({@link KafkaBroker#component}, {@link MongoServer#component}, ...).
 *
 * @param name         its log file, pid file and status row ("kafka-2")
 * @param ports        the ports it listens on: they must be free before it starts
 * @param dependsOn    the names of the components that must be healthy before it is started (a Spark worker
 *                     registers at the master when it starts; a job needs the brokers, the database and a
 *                     worker). Only what its start needs: Airflow's tasks reach Kafka, but Airflow starts
 *                     without it
 * @param installSteps what must be installed before it can start
 * @param startTimeout how long it may take from launch to healthy on a busy two-core machine
 * @param address      where to reach it, for the tables ("127.0.0.1:19092", "http://127.0.0.1:8081")
 * @param howToUse     how to use or log in to it, for the table printed by {@code up}
 * @param launch       its command line, environment and working folder (made when it is about to start)
 * @param health       asks the running server, through its own protocol, whether it serves
 * @param preparation  one-time preparation before a start (e.g. formatting storage), run for all starting
 *                     components at once
 */
public record Component(
        String name,
        List<Integer> ports,
        List<String> dependsOn,
        List<InstallStep> installSteps,
        Duration startTimeout,
        String address,
        String howToUse,
        Supplier<LaunchSpec> launch,
        Function<Probes, Health> health,
        Consumer<Progress> preparation) {
    /** For a component that starts on its own. */
    public static final List<String> NO_DEPENDENCIES = List.of();
    /** For a component that needs nothing done before it starts. */
    public static final Consumer<Progress> NOTHING_TO_PREPARE = progress -> {};

    public Component {
        ports = List.copyOf(ports);
        dependsOn = List.copyOf(dependsOn);
        installSteps = List.copyOf(installSteps);
    }

    public void prepare(Progress progress) {
        preparation.accept(progress);
    }

    public LaunchSpec launchSpec() {
        return launch.get();
    }

    public Health probe(Probes probes) {
        return health.apply(probes);
    }
}
