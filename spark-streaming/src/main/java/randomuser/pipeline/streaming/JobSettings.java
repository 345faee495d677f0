package randomuser.pipeline.streaming;

import java.nio.file.Path;
import java.time.Duration;

import randomuser.pipeline.catalogue.Facet;

/**
 * Everything one job submission needs, resolved and checked.
 *
 * @param facet                 whose schema values are parsed with
 * @param topic                 Kafka topic read (the facet's, unless overridden)
 * @param collection            MongoDB collection written (the facet's, unless overridden)
 * @param bootstrapServers      Kafka bootstrap servers
 * @param mongoUri              MongoDB connection string
 * @param database              MongoDB database
 * @param checkpointDir         the query's checkpoint folder (absolute)
 * @param statusFile            the status JSON file (absolute)
 * @param triggerInterval       processing-time trigger, e.g. "1 second"
 * @param maxOffsetsPerTrigger  records per micro-batch at most, across partitions
 * @param startingOffsets       where a job without checkpoint starts: earliest, latest or Kafka JSON
 * @param failOnDataLoss        fail when offsets the job has not read yet are gone from the topic
 * @param writeBulkSize         documents per MongoDB bulk write
 * @param writeRetry            retries of one batch's writes
 * @param maxRestarts           query restarts per MongoDB outage
 * @param restartDelay          wait before such a restart
 */
public record JobSettings(
        Facet facet,
        String topic,
        String collection,
        String bootstrapServers,
        String mongoUri,
        String database,
        Path checkpointDir,
        Path statusFile,
        String triggerInterval,
        long maxOffsetsPerTrigger,
        String startingOffsets,
        boolean failOnDataLoss,
        int writeBulkSize,
        RetryPolicy writeRetry,
        int maxRestarts,
        Duration restartDelay) {

    /** Component name used for the Spark application, the query and logs, e.g. {@code job-profile}. */
    public String jobName() {
        return "job-" + facet.facetName();
    }
}
