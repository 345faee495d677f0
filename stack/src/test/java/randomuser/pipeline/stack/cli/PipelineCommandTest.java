package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import randomuser.pipeline.stack.mainjob.BackfillRequest;

/** The command line itself; nothing here starts a server. */
class PipelineCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = PipelineCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, run("start"));
        assertTrue(err.toString().startsWith("Unmatched argument at index 0: 'start'"), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("up", "trigger", "down", "status", "topics", "peek", "clean")) {
            assertEquals(0, run(command, "--help"), command);
        }
    }

    @Test
    void upTakesGroupsAndATimeout() {
        CommandLine.ParseResult parsed =
                PipelineCommand.commandLine().parseArgs("up", "--timeout", "5", "spark", "kafka");
        UpCommand up = (UpCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(5, up.timeoutSeconds);
        assertEquals(List.of(UpCommand.Group.spark, UpCommand.Group.kafka), up.groups);
    }

    @Test
    void anUnknownGroupIsAUsageError() {
        assertEquals(2, run("up", "zookeeper"));
        assertTrue(err.toString().startsWith("Unmatched argument at index 1: 'zookeeper'"), err.toString());
        assertTrue(
                err.toString()
                        .replaceAll("\\s+", " ")
                        .contains("Only these: kafka, mongodb, spark, emulator, airflow, jobs"),
                err.toString());
    }

    @Test
    void upTriggersUnlessToldNotTo() {
        UpCommand up = (UpCommand) PipelineCommand.commandLine()
                .parseArgs("up")
                .subcommand()
                .commandSpec()
                .userObject();
        assertEquals(false, up.noTrigger);
        assertEquals(3, up.partitions);
        UpCommand only = (UpCommand) PipelineCommand.commandLine()
                .parseArgs("up", "--no-trigger", "--partitions", "6")
                .subcommand()
                .commandSpec()
                .userObject();
        assertEquals(true, only.noTrigger);
        assertEquals(6, only.partitions);
    }

    @Test
    void triggerTurnsItsOptionsIntoTheRunsConf() {
        TriggerCommand trigger = (TriggerCommand) PipelineCommand.commandLine()
                .parseArgs(
                        "trigger",
                        "--results",
                        "1000",
                        "--pages",
                        "3",
                        "--seed",
                        "s-1",
                        "--nat",
                        "gb,FR",
                        "--gender",
                        "female")
                .subcommand()
                .commandSpec()
                .userObject();
        assertEquals(new BackfillRequest(1000, 3, "s-1", List.of("GB", "FR"), "female"), trigger.request());
        TriggerCommand defaults = (TriggerCommand) PipelineCommand.commandLine()
                .parseArgs("trigger")
                .subcommand()
                .commandSpec()
                .userObject();
        assertEquals(new BackfillRequest(500, 2, null, List.of(), "any"), defaults.request());
    }
}
