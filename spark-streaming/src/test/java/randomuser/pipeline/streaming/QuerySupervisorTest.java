package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuerySupervisorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:05:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private JobStatus status;
    private JobMonitor monitor;
    private final List<Duration> sleeps = new ArrayList<>();
    private int starts;

    /** Each start runs the next scripted run: null = stopped normally, else the failure it ends with. */
    private QuerySupervisor supervisor(int maxRestarts, Deque<Runnable> runs) {
        status = new JobStatus(folder.resolve("s.json"), "job-profile", "profile", "t", "profiles", 1, CLOCK);
        monitor = new JobMonitor("t", status, CLOCK);
        return new QuerySupervisor(
                () -> {
                    starts++;
                    Runnable run = runs.removeFirst();
                    return run::run;
                },
                monitor,
                status,
                maxRestarts,
                Duration.ofSeconds(10),
                sleeps::add);
    }

    private static RuntimeException outage() {
        return new RuntimeException(
                "query terminated", new MongoUnavailableException("batch 3: MongoDB unreachable", null));
    }

    @Test
    void aStoppedQueryEndsTheJobAsStopped() throws Exception {
        QuerySupervisor supervisor = supervisor(3, new ArrayDeque<>(List.of(() -> {})));
        assertEquals(QuerySupervisor.EXIT_STOPPED, supervisor.run());
        assertEquals(JobStatus.State.STOPPED, status.state());
    }

    @Test
    void anOutageRestartsTheQueryFromItsCheckpoint() throws Exception {
        Deque<Runnable> runs = new ArrayDeque<>();
        runs.add(() -> {
            throw outage();
        });
        runs.add(() -> {
            throw outage();
        });
        runs.add(() -> {});
        assertEquals(QuerySupervisor.EXIT_STOPPED, supervisor(3, runs).run());
        assertEquals(3, starts);
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)), sleeps);
    }

    @Test
    void restartsAreBoundedPerOutageAndCountedAgainAfterAWrittenBatch() throws Exception {
        Deque<Runnable> runs = new ArrayDeque<>();
        runs.add(() -> {
            throw outage();
        });
        runs.add(() -> {
            throw outage();
        });
        runs.add(() -> {
            monitor.onBatchWritten(new BatchOutcome(4, new BatchCounts(1, 1, 0), 1, 1));
            throw outage();
        });
        runs.add(() -> {
            throw outage();
        });
        runs.add(() -> {
            throw outage();
        });
        QuerySupervisor supervisor = supervisor(2, runs);

        assertEquals(QuerySupervisor.EXIT_FAILED, supervisor.run());
        assertEquals(5, starts);
        assertEquals(JobStatus.State.FAILED, status.state());
        assertEquals(
                "query failed: batch 3: MongoDB unreachable", status.snapshot().get("error"));
    }

    @Test
    void anyOtherFailureEndsTheJobAtOnceWithItsRootCause() throws Exception {
        Deque<Runnable> runs = new ArrayDeque<>();
        runs.add(() -> {
            throw new RuntimeException(
                    "Query job-profile terminated with exception",
                    new IllegalStateException("Partition randomuser.profiles-0's offset was changed from 78 to 0"));
        });
        assertEquals(QuerySupervisor.EXIT_FAILED, supervisor(3, runs).run());
        assertEquals(1, starts);
        assertEquals(
                "query failed: Partition randomuser.profiles-0's offset was changed from 78 to 0",
                status.snapshot().get("error"));
    }

    @Test
    void aFailureWhileShuttingDownIsAStop() throws Exception {
        Deque<Runnable> runs = new ArrayDeque<>();
        QuerySupervisor[] self = new QuerySupervisor[1];
        runs.add(() -> {
            self[0].shutdown();
            throw new IllegalStateException("SparkContext was shut down");
        });
        self[0] = supervisor(3, runs);
        assertEquals(QuerySupervisor.EXIT_STOPPED, self[0].run());
        assertEquals(JobStatus.State.STOPPED, status.state());
    }
}
