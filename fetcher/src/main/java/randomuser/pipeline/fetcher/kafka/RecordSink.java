package randomuser.pipeline.fetcher.kafka;

import randomuser.pipeline.fetcher.mapping.FacetRecord;

/** Where facet records go: Kafka, or stdout for a dry run. */
public interface RecordSink extends AutoCloseable {

    /** Hands a record over; delivery may complete later. */
    void send(FacetRecord record);

    /** Blocks until every record sent so far is acknowledged or has failed, and reports the totals. */
    DeliveryReport awaitDelivery() throws InterruptedException;

    @Override
    void close();
}
