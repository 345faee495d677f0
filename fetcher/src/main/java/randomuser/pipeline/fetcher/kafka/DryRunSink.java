package randomuser.pipeline.fetcher.kafka;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.fetcher.mapping.FacetRecord;

/**
 * Writes each record as one JSON line, {@code {"topic": ..., "key": ..., "value": {...}}}, exactly the
 * value bytes the Kafka sink would produce. A record counts as acknowledged once written.
 */
public final class DryRunSink implements RecordSink {

    private static final byte[] TOPIC_PREFIX = "{\"topic\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY_PREFIX = ",\"key\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE_PREFIX = ",\"value\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LINE_END = "}\n".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper = new ObjectMapper();
    private final OutputStream out;
    private final TopicNames topics;
    private final DeliveryCounter counter;

    public DryRunSink(OutputStream out, TopicNames topics) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.topics = topics;
        this.counter = new DeliveryCounter(topics);
    }

    @Override
    public synchronized void send(FacetRecord record) {
        try {
            byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
            byte[] value = record.value();
            // Written piecewise so the value goes out as the very bytes the Kafka sink produces.
            out.write(TOPIC_PREFIX);
            out.write(mapper.writeValueAsBytes(topics.topicOf(record.facet())));
            out.write(KEY_PREFIX);
            out.write(mapper.writeValueAsBytes(record.key()));
            out.write(VALUE_PREFIX);
            out.write(value);
            out.write(LINE_END);
            counter.acked(record.facet(), key.length + value.length);
        } catch (IOException e) {
            counter.failed("cannot write to stdout: " + e.getMessage());
        }
    }

    @Override
    public synchronized DeliveryReport awaitDelivery() {
        try {
            out.flush();
        } catch (IOException e) {
            counter.failed("cannot write to stdout: " + e.getMessage());
        }
        return counter.report();
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException ignored) {
            // Reported by awaitDelivery(); nothing more to say on close.
        }
    }
}
