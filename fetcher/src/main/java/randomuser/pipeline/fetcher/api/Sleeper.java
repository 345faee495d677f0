package randomuser.pipeline.fetcher.api;

import java.time.Duration;

/** Waits between attempts. Injected so tests can record the backoff instead of sleeping through it. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
