package randomuser.pipeline.stack.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.stack.mainjob.MainJobReport;

@Command(
        name = "trigger",
        description = {
            "Trigger a randomuser_backfill run through Airflow's REST API on the running stack, wait for it and for "
                    + "its users in each of the six collections, and show them.",
            "Airflow checks the values against the DAG's Params and rejects a bad one before anything runs."
        })
final class TriggerCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Option(
            names = "--results",
            paramLabel = "N",
            defaultValue = "500",
            description = "Users per page, 1 to 5000 (default ${DEFAULT-VALUE}).")
    int results;

    @Option(
            names = "--pages",
            paramLabel = "P",
            defaultValue = "2",
            description = "Pages to fetch, 1 to 100 (default ${DEFAULT-VALUE}).")
    int pages;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "The same seed gives the same users (letters, digits, _ . -); default: new users every run.")
    String seed;

    @Option(
            names = "--nat",
            paramLabel = "CODES",
            split = ",",
            description = "Only these nationalities, e.g. GB,FR (default: all).")
    List<String> nat = new ArrayList<>();

    @Option(
            names = "--gender",
            paramLabel = "G",
            defaultValue = "any",
            description = "any, male or female (default ${DEFAULT-VALUE}).")
    String gender;

    BackfillRequest request() {
        return new BackfillRequest(
                results,
                pages,
                seed,
                nat.stream().map(String::trim).map(String::toUpperCase).toList(),
                gender);
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        LocalStack stack = LocalStack.forProject();
        MainJobReport report = stack.runMainJob(request());
        System.out.println();
        System.out.print(MainJobOutput.render(report, stack));
        System.out.println();
        System.out.println(
                "Done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s.");
        return 0;
    }
}
