package randomuser.pipeline.fetcher.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

import randomuser.pipeline.fetcher.api.Sleeper;

/**
 * Everything the fetcher takes from the process around it, so tests can run the whole command line in
 * memory: environment variables, the three standard streams, the backoff sleeper and the clock.
 */
public record FetcherEnvironment(
        Map<String, String> variables,
        InputStream stdin,
        PrintStream stdout,
        PrintStream stderr,
        Sleeper sleeper,
        Clock clock) {

    public static FetcherEnvironment system() {
        return new FetcherEnvironment(
                System.getenv(), System.in, System.out, System.err, Sleeper.SYSTEM, Clock.systemUTC());
    }

    public FetcherEnvironment withSleeper(Sleeper other) {
        return new FetcherEnvironment(variables, stdin, stdout, stderr, other, clock);
    }
}
