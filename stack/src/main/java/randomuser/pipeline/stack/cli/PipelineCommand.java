package randomuser.pipeline.stack.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import randomuser.pipeline.stack.StackException;

/**
 * {@code ./pipeline}: runs the pipeline on 127.0.0.1 (Kafka, the MongoDB-compatible server, Spark with the six
 * streaming jobs, Airflow, the API emulator) and its main job.
 */
@Command(
        name = "pipeline",
        description = "Runs the randomuser pipeline on 127.0.0.1 and its main job: users fetched through Airflow, "
                + "streamed through Kafka and Spark into MongoDB.",
        subcommands = {
            UpCommand.class,
            TriggerCommand.class,
            DownCommand.class,
            StatusCommand.class,
            TopicsCommand.class,
            PeekCommand.class,
            ReportCommand.class,
            CleanCommand.class,
            TestCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PipelineCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    /** Exit status of {@code status} when a component is down. */
    static final int EXIT_DOWN = 3;

    /** Without a command: the usage, and the exit status of a command-line mistake. */
    @Override
    public Integer call() {
        CommandLine commandLine = new CommandLine(this);
        commandLine.usage(System.err);
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    public static void main(String[] args) {
        quietClientLogs();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PipelineCommand());
        commandLine.setExecutionExceptionHandler(PipelineCommand::handle);
        return commandLine;
    }

    /** A StackException is the user's to act on: its message alone, no stack trace. */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof StackException) {
            err.println("pipeline: " + e.getMessage());
        } else {
            err.println("pipeline: unexpected failure: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /**
     * The Kafka and MongoDB clients the probes use log every refused connection while servers start; the
     * CLI's own lines say the same once. Must run before the first logger is created.
     */
    private static void quietClientLogs() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.mongodb.driver", "off");
    }
}
