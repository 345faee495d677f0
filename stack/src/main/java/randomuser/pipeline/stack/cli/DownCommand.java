package randomuser.pipeline.stack.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import randomuser.pipeline.stack.LocalStack;

@Command(
        name = "down",
        description = "Stop every process the stack started (by pid), and a test stack an "
                + "interrupted ./pipeline test left; keep the data.")
final class DownCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Override
    public Integer call() {
        LocalStack stack = LocalStack.forProject();
        List<String> stopped = stack.stopAll();
        List<String> stoppedOfTests = stack.stopTestStack();
        if (stopped.isEmpty() && stoppedOfTests.isEmpty()) {
            System.out.println("nothing was running");
        }
        if (!stopped.isEmpty()) {
            System.out.println("stopped " + String.join(", ", stopped));
        }
        if (!stoppedOfTests.isEmpty()) {
            System.out.println("stopped the test stack's " + String.join(", ", stoppedOfTests)
                    + " (left by an interrupted ./pipeline test)");
        }
        return 0;
    }
}
