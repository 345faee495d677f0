package randomuser.pipeline.stack.testrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import randomuser.pipeline.stack.StackLayout;

/**
 * {@code ./pipeline ARGS} run as a user runs it (the script at the project root, in a process of its own, from the
 * project root), for the tests that assert what it prints and the exit codes it documents.
 */
public final class PipelineScript {
    private static final long TIMEOUT_MINUTES = 10;

    /** One run of the script: its exit code, standard output and standard error. */
    public record Run(int exitCode, String out, List<String> errLines) {
        public String describe() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + String.join("\n", errLines);
        }
    }

    private PipelineScript() {}

    /** Runs {@code ./pipeline ARGS} of the project at {@code layout}'s root, on the stack whose state is
     *  {@code layout}'s state folder. */
    public static Run run(StackLayout layout, String... args) throws IOException, InterruptedException {
        Path projectRoot = layout.root();
        Path out = Files.createTempFile("pipeline-out", ".txt");
        Path err = Files.createTempFile("pipeline-err", ".txt");
        try {
            List<String> command =
                    new ArrayList<>(List.of(projectRoot.resolve("pipeline").toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(projectRoot.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // Said, not inherited: a scratch project's commands must not act on the state named for this JVM.
            layout.nameStateDirIn(builder.environment());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "./pipeline " + String.join(" ", args) + " did not end within " + TIMEOUT_MINUTES + " minutes");
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readAllLines(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
