package randomuser.pipeline.fetcher.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.api.FetchedPage;
import randomuser.pipeline.fetcher.api.PageFetchException;
import randomuser.pipeline.fetcher.kafka.DeliveryReport;
import randomuser.pipeline.fetcher.kafka.RecordSink;
import randomuser.pipeline.fetcher.mapping.FacetMapper;
import randomuser.pipeline.fetcher.mapping.FacetRecord;
import randomuser.pipeline.fetcher.mapping.PageStamp;
import randomuser.pipeline.fetcher.mapping.UserLeaves;
import randomuser.pipeline.fetcher.mapping.UserMapping;

/**
 * Runs pages through fetch → map → send. At most {@code concurrency} pages are fetched and mapped at once, each
 * in its own worker; the run's thread sends the mapped pages' records in the order they complete. A new fetch
 * starts when a mapped page is taken for sending, so fetching and mapping overlap producing while memory stays
 * bounded (at most {@code concurrency + 1} pages held). After the first page that cannot be fetched no new page
 * is started, but the pages already in flight and every record already sent are still delivered before the
 * report.
 */
public final class FetchRun {

    /** Skipped users are listed one per line up to this many; the summary has the totals. */
    private static final int MAX_SKIPPED_LINES = 20;

    private final PageSource source;
    private final FacetMapper mapper;
    private final RecordSink sink;
    private final StampFactory stamps;
    private final String runId;
    private final int concurrency;
    private final PrintStream console;
    private int skippedLines;

    private long users;
    private long unkeyed;
    private long invalid;
    private long sent;
    private int pagesFetched;

    public FetchRun(
            PageSource source,
            FacetMapper mapper,
            RecordSink sink,
            StampFactory stamps,
            String runId,
            int concurrency,
            PrintStream console) {
        this.source = source;
        this.mapper = mapper;
        this.sink = sink;
        this.stamps = stamps;
        this.runId = runId;
        this.concurrency = concurrency;
        this.console = console;
    }

    /** Fixes the envelope of a fetched page. */
    @FunctionalInterface
    public interface StampFactory {
        PageStamp stampFor(FetchedPage page);
    }

    public RunReport run() throws InterruptedException {
        long started = System.nanoTime();
        int total = source.pages();
        Optional<PageFetchException> failure = Optional.empty();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, total), runnable -> {
            Thread thread = new Thread(runnable, "page-fetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<MappedPage> completions = new ExecutorCompletionService<>(pool);
            int next = 1;
            int inFlight = 0;
            while (inFlight < concurrency && next <= total) {
                submit(completions, next++);
                inFlight++;
            }
            while (inFlight > 0) {
                Future<MappedPage> done = completions.take();
                inFlight--;
                MappedPage page;
                try {
                    page = done.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof PageFetchException fetchFailure)) {
                        throw new IllegalStateException(
                                "a page failed unexpectedly while fetched or mapped", e.getCause());
                    }
                    if (failure.isEmpty()) {
                        failure = Optional.of(fetchFailure);
                    }
                    continue;
                }
                // The next fetch starts before this page is mapped and sent, so fetching and producing overlap.
                if (failure.isEmpty() && next <= total) {
                    submit(completions, next++);
                    inFlight++;
                }
                send(page, total);
            }
        } finally {
            pool.shutdownNow();
        }
        DeliveryReport delivery = sink.awaitDelivery();
        return new RunReport(
                runId,
                total,
                pagesFetched,
                users,
                unkeyed,
                invalid,
                sent,
                delivery,
                Duration.ofNanos(System.nanoTime() - started),
                failure);
    }

    private void submit(CompletionService<MappedPage> completions, int page) {
        completions.submit(() -> map(source.fetch(page)));
    }

    /**
     * A fetched page's users as records, or why each skipped one is skipped: done in the worker that fetched the
     * page, so the run's thread only sends.
     */
    private record MappedPage(
            FetchedPage fetched,
            PageStamp stamp,
            List<FacetRecord> records,
            long users,
            long unkeyed,
            long invalid,
            List<String> skipReasons) {

        long skipped() {
            return unkeyed + invalid;
        }
    }

    private MappedPage map(FetchedPage page) {
        PageStamp stamp = stamps.stampFor(page);
        FacetMapper.PageMapping pageMapping = mapper.forPage(stamp);
        List<FacetRecord> records = new ArrayList<>(page.body().users().size() * Facet.values().length);
        List<String> skipReasons = new ArrayList<>();
        long users = 0;
        long unkeyedUsers = 0;
        long invalidUsers = 0;
        for (UserLeaves user : page.body().users()) {
            UserMapping mapping = pageMapping.map(user);
            if (mapping instanceof UserMapping.Mapped mapped) {
                records.addAll(mapped.records());
                users++;
            } else if (mapping instanceof UserMapping.Unkeyed unkeyedUser) {
                unkeyedUsers++;
                skipReasons.add("a user without a key is skipped: " + unkeyedUser.reason());
            } else if (mapping instanceof UserMapping.Invalid invalidUser) {
                invalidUsers++;
                skipReasons.add("user " + invalidUser.userId() + " is skipped: " + invalidUser.reason());
            }
        }
        return new MappedPage(page, stamp, records, users, unkeyedUsers, invalidUsers, skipReasons);
    }

    private void send(MappedPage page, int total) {
        for (String reason : page.skipReasons()) {
            reportSkipped(page.fetched().page(), reason);
        }
        for (FacetRecord record : page.records()) {
            sink.send(record);
        }
        users += page.users();
        unkeyed += page.unkeyed();
        invalid += page.invalid();
        sent += page.records().size();
        pagesFetched++;
        FetchedPage fetched = page.fetched();
        console.println(String.format(
                Locale.ROOT,
                "page %d/%d: %d users, %d records sent, %d skipped, %d attempt%s, %.2f s, seed %s",
                fetched.page(),
                total,
                page.users(),
                page.records().size(),
                page.skipped(),
                fetched.attempts(),
                fetched.attempts() == 1 ? "" : "s",
                fetched.elapsed().toNanos() / 1e9,
                page.stamp().seed().orElse("(none)")));
    }

    private void reportSkipped(int page, String message) {
        int line = ++skippedLines;
        if (line <= MAX_SKIPPED_LINES) {
            console.println("page " + page + ": " + message);
        } else if (line == MAX_SKIPPED_LINES + 1) {
            console.println("page " + page + ": more users skipped; the summary has the totals");
        }
    }
}
