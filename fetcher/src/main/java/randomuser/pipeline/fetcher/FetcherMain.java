package randomuser.pipeline.fetcher;

import randomuser.pipeline.fetcher.cli.FetcherCli;
import randomuser.pipeline.fetcher.cli.FetcherEnvironment;

/** Entry point of {@code fetcher.jar}: runs the command line and exits with its code. */
public final class FetcherMain {

    private FetcherMain() {}

    public static void main(String[] args) {
        System.exit(new FetcherCli(FetcherEnvironment.system()).run(args));
    }
}
