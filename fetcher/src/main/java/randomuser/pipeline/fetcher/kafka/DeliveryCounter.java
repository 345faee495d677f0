package randomuser.pipeline.fetcher.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import randomuser.pipeline.catalogue.Facet;

/** Thread-safe tally of acknowledgements and failures; producer callbacks run on the producer's I/O thread. */
final class DeliveryCounter {

    private final Map<Facet, AtomicLong> acked = new LinkedHashMap<>();
    private final AtomicLong ackedBytes = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final TopicNames topics;

    DeliveryCounter(TopicNames topics) {
        this.topics = topics;
        for (Facet facet : Facet.values()) {
            acked.put(facet, new AtomicLong());
        }
    }

    void acked(Facet facet, long bytes) {
        acked.get(facet).incrementAndGet();
        ackedBytes.addAndGet(bytes);
    }

    void failed(String error) {
        failed.incrementAndGet();
        firstError.compareAndSet(null, error);
    }

    DeliveryReport report() {
        Map<String, Long> byTopic = new LinkedHashMap<>();
        acked.forEach((facet, count) -> byTopic.put(topics.topicOf(facet), count.get()));
        return new DeliveryReport(byTopic, ackedBytes.get(), failed.get(), Optional.ofNullable(firstError.get()));
    }
}
