package randomuser.pipeline.stack.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.LocalStack;

@Command(name = "status", description = "Each component up or down, with evidence and resident memory. "
        + "Exit status 3 when a component is down.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    private static final String AIRFLOW = "airflow";

    @Override
    public Integer call() {
        LocalStack stack = LocalStack.forProject();
        List<ComponentStatus> rows = stack.status();
        System.out.print(Tables.status(rows));
        if (stack.allComponents().stream().noneMatch(c -> c.name().equals(AIRFLOW))) {
            System.out.println(AIRFLOW + ": not run by the local stack yet");
        }
        return rows.stream().allMatch(ComponentStatus::up) ? 0 : PipelineCommand.EXIT_DOWN;
    }
}
