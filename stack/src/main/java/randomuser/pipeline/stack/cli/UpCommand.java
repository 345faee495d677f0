package randomuser.pipeline.stack.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.stack.mainjob.MainJobReport;
import randomuser.pipeline.stack.setup.TopicSetup;

@Command(
        name = "up",
        description = {
            "Install what is missing, start what is not running, wait until healthy: Kafka, the MongoDB-compatible "
                    + "server, the API emulator, Spark, Airflow, the topics and collections, and the six streaming jobs.",
            "Then run the main job: trigger a randomuser_backfill run (2 pages x 500 users, seed randomuser-pipeline) "
                    + "through Airflow's REST API, wait for its users in MongoDB, and show them."
        })
final class UpCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Wait at most this long for each component (default: each component's own, 60-240 s).")
    Integer timeoutSeconds;

    @Option(names = "--no-trigger", description = "Only start the stack; trigger no DAG run.")
    boolean noTrigger;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "" + TopicSetup.DEFAULT_PARTITIONS,
            description =
                    "Partitions of the topics created now (default ${DEFAULT-VALUE}); existing topics stay as they are.")
    int partitions;

    @Parameters(
            paramLabel = "GROUP",
            arity = "0..*",
            description = "Only these: ${COMPLETION-CANDIDATES} (default: everything, then the main job). "
                    + "jobs also starts what the jobs need.")
    List<Group> groups = new ArrayList<>();

    /** Parts of the stack that can be brought up alone. */
    enum Group {
        kafka,
        mongodb,
        spark,
        emulator,
        airflow,
        jobs
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        LocalStack stack = LocalStack.forProject();
        if (timeoutSeconds != null) {
            stack = stack.withStartTimeout(Duration.ofSeconds(timeoutSeconds));
        }
        List<Component> components;
        if (groups.isEmpty()) {
            stack.ensureAll(partitions);
            components = stack.topology().all();
        } else {
            components = upGroups(stack);
        }
        long stackSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println();
        System.out.print(Tables.endpoints(components));
        System.out.println();
        String logs = stack.projectRoot().relativize(stack.stateDir().resolve("logs")) + "/";
        if (!groups.isEmpty() || noTrigger) {
            System.out.println((groups.isEmpty() ? "The stack is up (" : groups + " up (") + stackSeconds + "s). Logs: "
                    + logs + ", health: ./pipeline status, a DAG run: ./pipeline trigger, stop: ./pipeline down");
            return 0;
        }
        System.out.println("The stack is up (" + stackSeconds + "s). Logs: " + logs + ". Now the main job:");
        long mainJobStarted = System.nanoTime();
        MainJobReport report = stack.runMainJob(BackfillRequest.DEFAULT);
        long mainJobSeconds =
                Duration.ofNanos(System.nanoTime() - mainJobStarted).toSeconds();
        System.out.println();
        System.out.print(MainJobOutput.render(report, stack));
        System.out.println();
        System.out.println(
                "Done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s (stack " + stackSeconds
                        + "s, main job " + mainJobSeconds + "s).");
        return 0;
    }

    private List<Component> upGroups(LocalStack stack) {
        List<Component> components = new ArrayList<>();
        EnumSet<Group> chosen = EnumSet.copyOf(groups);
        for (Group group : chosen) {
            components.addAll(
                    switch (group) {
                        case kafka -> stack.topology().kafkaBrokers();
                        case mongodb -> stack.topology().mongoServer();
                        case spark -> stack.topology().spark();
                        case emulator -> stack.topology().emulator();
                        case airflow -> stack.topology().airflow();
                        case jobs -> List.of();
                    });
        }
        if (!components.isEmpty()) {
            stack.ensure(components, List.of());
        }
        if (chosen.contains(Group.jobs)) {
            stack.ensureStreamingJobs();
            components.addAll(stack.topology().streamingJobs());
        }
        return components;
    }
}
