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

@Command(name = "up", description = "Install what is missing, start what is not running, wait until healthy.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Wait at most this long for each component (default: each component's own, 60-120 s).")
    Integer timeoutSeconds;

    @Parameters(paramLabel = "GROUP", arity = "0..*",
            description = "Only these: ${COMPLETION-CANDIDATES} (default: everything, and mongosh).")
    List<Group> groups = new ArrayList<>();

    /** Parts of the stack that can be brought up alone. */
    enum Group { kafka, mongodb, spark, emulator }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        LocalStack stack = LocalStack.forProject();
        if (timeoutSeconds != null) {
            stack = stack.withStartTimeout(Duration.ofSeconds(timeoutSeconds));
        }
        List<Component> components;
        if (groups.isEmpty()) {
            stack.ensureAll();
            components = stack.allComponents();
        } else {
            components = new ArrayList<>();
            for (Group group : EnumSet.copyOf(groups)) {
                components.addAll(switch (group) {
                    case kafka -> stack.kafkaComponents();
                    case mongodb -> stack.mongoComponents();
                    case spark -> stack.sparkComponents();
                    case emulator -> stack.emulatorComponents();
                });
            }
            stack.ensure(components, List.of());
        }
        System.out.println();
        System.out.print(Tables.endpoints(components));
        System.out.println();
        System.out.println((groups.isEmpty() ? "The stack is up (" : groups + " up (") + Duration.ofNanos(System.nanoTime() - started).toSeconds()
                + "s). Logs: " + stack.projectRoot().relativize(stack.stateDir().resolve("logs"))
                + "/, health: ./pipeline status, stop: ./pipeline down");
        return 0;
    }
}
