package randomuser.pipeline.fetcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.api.ApiInfo;
import randomuser.pipeline.fetcher.api.ApiPage;
import randomuser.pipeline.fetcher.api.FetchedPage;
import randomuser.pipeline.fetcher.api.PageFetchException;
import randomuser.pipeline.fetcher.kafka.DeliveryReport;
import randomuser.pipeline.fetcher.kafka.RecordSink;
import randomuser.pipeline.fetcher.mapping.FacetMapper;
import randomuser.pipeline.fetcher.mapping.FacetRecord;
import randomuser.pipeline.fetcher.mapping.PageStamp;
import randomuser.pipeline.fetcher.mapping.UserLeaves;
import randomuser.pipeline.fetcher.support.Fixtures;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FetchRunTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void neverFetchesMoreThanTheConcurrencyAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        PageSource source = new FixedPages(8, page -> {
            highest.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            return null;
        });
        CollectingSink sink = new CollectingSink(0);
        RunReport report = run(source, sink, 3);
        assertTrue(report.succeeded());
        assertEquals(8, report.pagesFetched());
        assertEquals(8 * 2, report.users());
        assertEquals(8 * 2 * 6, sink.records.size());
        assertTrue(highest.get() <= 3 && highest.get() >= 2, "highest concurrency " + highest.get());
    }

    @Test
    void unacknowledgedRecordsFailTheRun() throws Exception {
        CollectingSink sink = new CollectingSink(5);
        RunReport report = run(new FixedPages(1, page -> null), sink, 1);
        assertFalse(report.succeeded());
        assertEquals(12, report.sent());
        assertEquals(5, report.unacknowledged());
        assertTrue(report.summaryLine().contains("records_acked=7 records_failed=5"), report.summaryLine());
    }

    @Test
    void firstFailedPageStopsNewFetchesButEarlierRecordsAreDelivered() throws Exception {
        List<Integer> fetched = new CopyOnWriteArrayList<>();
        PageSource source = new FixedPages(5, page -> {
            fetched.add(page);
            if (page == 2) {
                throw new PageFetchException(PageFetchException.Kind.RETRIES_EXHAUSTED, 3, "page 2: gave up");
            }
            return null;
        });
        CollectingSink sink = new CollectingSink(0);
        RunReport report = run(source, sink, 1);
        assertFalse(report.succeeded());
        assertEquals(List.of(1, 2), fetched);
        assertEquals("page 2: gave up", report.fetchFailure().orElseThrow().getMessage());
        assertEquals(12, sink.records.size());
        assertEquals(1, report.pagesFetched());
    }

    private static RunReport run(PageSource source, RecordSink sink, int concurrency) throws InterruptedException {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new FetchRun(
                        source,
                        new FacetMapper(Optional.empty()),
                        sink,
                        page -> new PageStamp("r", page.receivedAt(), "1.4", Optional.of("s"), page.page()),
                        "r",
                        concurrency,
                        console)
                .run();
    }

    /** Pages of two fixture users each; {@code hook} runs inside each fetch (to delay or fail it). */
    private record FixedPages(int pages, Hook hook) implements PageSource {

        interface Hook {
            Object run(int page) throws PageFetchException, InterruptedException;
        }

        @Override
        public FetchedPage fetch(int page) throws PageFetchException, InterruptedException {
            hook.run(page);
            List<JsonNode> users = new java.util.ArrayList<>();
            try {
                MAPPER.readTree(Fixtures.response(2, page, "s")).get("results").forEach(users::add);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return new FetchedPage(
                    page,
                    new ApiPage(users.stream().map(UserLeaves::of).toList(), ApiInfo.NONE),
                    1,
                    Instant.EPOCH,
                    Duration.ZERO);
        }
    }

    /** Keeps records; the last {@code failing} records sent count as failed. */
    private static final class CollectingSink implements RecordSink {

        final List<FacetRecord> records = new CopyOnWriteArrayList<>();
        private final int failing;

        CollectingSink(int failing) {
            this.failing = failing;
        }

        @Override
        public void send(FacetRecord record) {
            records.add(record);
        }

        @Override
        public DeliveryReport awaitDelivery() {
            Map<String, Long> byTopic = new java.util.LinkedHashMap<>();
            Map<Facet, Long> counts = new ConcurrentHashMap<>();
            records.subList(0, records.size() - failing).forEach(r -> counts.merge(r.facet(), 1L, Long::sum));
            for (Facet facet : Facet.values()) {
                byTopic.put(facet.topic(), counts.getOrDefault(facet, 0L));
            }
            return new DeliveryReport(byTopic, 0, failing, failing == 0 ? Optional.empty() : Optional.of("boom"));
        }

        @Override
        public void close() {}
    }
}
