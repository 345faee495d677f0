package randomuser.pipeline.fetcher.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

import randomuser.pipeline.catalogue.DefaultAddresses;
import randomuser.pipeline.catalogue.TopicPolicy;
import randomuser.pipeline.fetcher.kafka.KafkaTarget;
import randomuser.pipeline.fetcher.kafka.TopicPrefix;

/** The flags that say where the records go: each one's default, its check and its setting. */
final class KafkaOptions {

    static final int MAX_PARTITIONS = 1000;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT,...",
            order = 110,
            defaultValue = DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS,
            description = "Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS). Default: ${DEFAULT-VALUE}.")
    String bootstrapServers;

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            defaultValue = "",
            order = 120,
            description = "Put before every topic name (e.g. it-3f2a. gives it-3f2a.randomuser.profiles), so tests "
                    + "and benchmarks stay out of the pipeline's topics; letters, digits, '.', '_', '-' "
                    + "(env FETCHER_TOPIC_PREFIX). Default: none.")
    String topicPrefix;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "" + TopicPolicy.PARTITIONS,
            order = 130,
            description = "Partitions of topics the fetcher creates (RF 3, min.insync.replicas 2; existing "
                    + "topics are left alone). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(
            names = "--kafka-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            order = 180,
            converter = DurationConverter.class,
            description = "Time allowed for Kafka to answer the reachability check and topic creation. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration kafkaTimeout;

    /** @param dryRun no brokers are contacted, so none need be named; the topics' names still count */
    KafkaTarget toTarget(boolean dryRun) {
        FlagChecks.range("--partitions", partitions, 1, MAX_PARTITIONS, "");
        FlagChecks.positive("--kafka-timeout", kafkaTimeout);
        String servers = bootstrapServers == null ? "" : bootstrapServers.trim();
        if (!dryRun && servers.isEmpty()) {
            throw FetcherException.usage(
                    "--bootstrap-servers is empty; give host:port[,host:port...] " + "or set KAFKA_BOOTSTRAP_SERVERS");
        }
        return new KafkaTarget(servers, checkedTopicPrefix(), partitions, kafkaTimeout);
    }

    /** Checked here rather than by the broker, so a bad prefix fails before any page is fetched. */
    private String checkedTopicPrefix() {
        String prefix = topicPrefix == null ? "" : topicPrefix;
        TopicPrefix.problem(prefix).ifPresent(problem -> {
            throw FetcherException.usage("--topic-prefix " + problem + " (flag or FETCHER_TOPIC_PREFIX)");
        });
        return prefix;
    }
}
