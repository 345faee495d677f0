package randomuser.pipeline.fetcher.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import randomuser.pipeline.fetcher.api.ApiPage;
import randomuser.pipeline.fetcher.api.ApiResponseParser;
import randomuser.pipeline.fetcher.api.FetchedPage;
import randomuser.pipeline.fetcher.api.InvalidResponseException;

/**
 * One saved API response (a file, or stdin for {@code -}), read and checked up front so an invalid file
 * fails before anything is produced. Its {@code fetched_at} is the time it was read.
 */
public final class InputPageSource implements PageSource {

    public static final String STDIN = "-";

    private final FetchedPage page;

    private InputPageSource(FetchedPage page) {
        this.page = page;
    }

    public static InputPageSource read(String input, InputStream stdin, Clock clock) throws InvalidInputException {
        String name = STDIN.equals(input) ? "stdin" : input;
        byte[] body;
        try {
            body = STDIN.equals(input) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(input));
        } catch (IOException e) {
            throw new InvalidInputException("--input " + name + ": cannot read it: " + e.getMessage());
        }
        try {
            ApiPage apiPage = new ApiResponseParser().parse(body, 0);
            Instant readAt = clock.instant();
            // Page 1 of this run; the envelope takes the response's own page number from its info.
            return new InputPageSource(new FetchedPage(1, apiPage, 1, readAt, Duration.ZERO));
        } catch (InvalidResponseException e) {
            throw new InvalidInputException(
                    "--input " + name + " is not a Random User API response: it holds " + e.getMessage());
        }
    }

    @Override
    public int pages() {
        return 1;
    }

    @Override
    public FetchedPage fetch(int pageNumber) {
        return page;
    }
}
