package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.List;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LaunchSpec;

/**
 * One server of the local stack, run as its own process: what it needs installed, how it is started, and
 * how to tell that it is really serving. A new kind of server is one more implementation.
 */
public interface Component {
    /** The name of its log file, pid file and status row ("kafka-2"). */
    String name();

    /** The ports it listens on: they must be free before it starts. */
    List<Integer> ports();

    /** What must be installed before it can start. */
    List<InstallStep> installSteps();

    /** One-time preparation before a start (e.g. formatting storage); run for all starting components at once. */
    default void prepare(Progress progress) {}

    LaunchSpec launchSpec();

    /** Asks the running server, through its own protocol, whether it serves. */
    Health probe(Probes probes);

    /** How long it may take from launch to healthy on a busy two-core machine. */
    Duration startTimeout();

    /** Where to reach it, for the tables ("127.0.0.1:19092", "http://127.0.0.1:8081"). */
    String address();

    /** How to use or log in to it, for the table printed by {@code up}. */
    String howToUse();
}
