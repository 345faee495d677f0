package randomuser.pipeline.stack.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import randomuser.pipeline.stack.LocalStack;

@Command(name = "down", description = "Stop every process the stack started (by pid); keep the data.")
final class DownCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Override
    public Integer call() {
        List<String> stopped = LocalStack.forProject().stopAll();
        System.out.println(stopped.isEmpty() ? "nothing was running" : "stopped " + String.join(", ", stopped));
        return 0;
    }
}
