package randomuser.pipeline.stack.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.StackStatus;

@Command(
        name = "status",
        description =
                "Each component up or down, with evidence and resident memory; each streaming "
                        + "job's state, last batch, rate and lag; the documents per collection. Exit status 3 when a component is down.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Option(names = "--json", description = "The same facts as one JSON object (memory in KiB, absent values null).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StackStatus status = LocalStack.forProject().inspection().report();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(StatusJson.render(status));
        } else {
            out.print(Tables.status(status.components()));
            out.println();
            out.print(Tables.jobs(status.jobs()));
            out.println();
            out.print(Tables.documents(status.documents(), status.documentsError()));
        }
        out.flush();
        return status.allUp() ? 0 : PipelineCommand.EXIT_DOWN;
    }
}
