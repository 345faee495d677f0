package randomuser.pipeline.stack.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import randomuser.pipeline.stack.LocalStack;

@Command(
        name = "clean",
        description = "Stop everything, then delete the state folder var/ (data, logs). "
                + "What is installed in .local/ stays.")
final class CleanCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Override
    public Integer call() {
        LocalStack stack = LocalStack.forProject();
        stack.clean();
        System.out.println("deleted " + stack.stateDir());
        return 0;
    }
}
