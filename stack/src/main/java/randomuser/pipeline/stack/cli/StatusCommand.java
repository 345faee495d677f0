package randomuser.pipeline.stack.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.StackStatus;

@Command(name = "status", description = "Each component up or down, with evidence and resident memory; each streaming "
        + "job's state, last batch, rate and lag; the documents per collection. Exit status 3 when a component is down.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Override
    public Integer call() {
        StackStatus status = LocalStack.forProject().statusReport();
        System.out.print(Tables.status(status.components()));
        System.out.println();
        System.out.print(Tables.jobs(status.jobs()));
        System.out.println();
        System.out.print(Tables.documents(status.documents(), status.documentsError()));
        return status.components().stream().allMatch(ComponentStatus::up) ? 0 : PipelineCommand.EXIT_DOWN;
    }
}
