package randomuser.pipeline.streaming;

import java.time.Duration;

/** Waits between retries; replaced in tests so they take no time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
