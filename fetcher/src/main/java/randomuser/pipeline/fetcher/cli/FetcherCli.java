package randomuser.pipeline.fetcher.cli;

import picocli.CommandLine;

/**
 * Builds the picocli command line and maps every outcome to an exit code: 0 success, 1 run failure,
 * 2 usage error. Errors are printed as a single {@code fetcher: ...} line on stderr, never a stack trace.
 */
public final class FetcherCli {

    private final FetcherEnvironment environment;

    public FetcherCli(FetcherEnvironment environment) {
        this.environment = environment;
    }

    public int run(String... args) {
        CommandLine commandLine = new CommandLine(new FetcherCommand(environment))
                .setDefaultValueProvider(new EnvironmentDefaults(environment.variables()))
                .setOut(new java.io.PrintWriter(environment.stdout(), true))
                .setErr(new java.io.PrintWriter(environment.stderr(), true))
                .setParameterExceptionHandler((ex, arguments) -> {
                    printError(ex.getMessage() + " (see --help)");
                    return FetcherException.USAGE;
                })
                .setExecutionExceptionHandler((ex, cmd, parseResult) -> handle(ex));
        return commandLine.execute(args);
    }

    private int handle(Exception ex) {
        if (ex instanceof FetcherException fetcherException) {
            printError(fetcherException.getMessage());
            return fetcherException.exitCode();
        }
        if (ex instanceof InterruptedException) {
            printError("interrupted");
            return FetcherException.FAILURE;
        }
        // A bug rather than a user error: still one line, with the type so it can be reported.
        printError("unexpected " + ex.getClass().getName() + ": " + ex.getMessage());
        return FetcherException.FAILURE;
    }

    private void printError(String message) {
        environment.stderr().println("fetcher: " + message);
        environment.stderr().flush();
    }
}
