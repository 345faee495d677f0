package randomuser.pipeline.fetcher.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import randomuser.pipeline.catalogue.TopicPolicy;

/**
 * Checks that Kafka answers before anything is fetched, and creates the topics that are missing with the
 * project's settings ({@link TopicPolicy}: RF 3, {@code min.insync.replicas=2}). Existing topics are left exactly as they are.
 */
public final class TopicProvisioner implements AutoCloseable {

    private final Admin admin;
    private final String bootstrapServers;
    private final Duration timeout;

    private TopicProvisioner(Admin admin, String bootstrapServers, Duration timeout) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    public static TopicProvisioner connect(String bootstrapServers, Duration timeout)
            throws BrokersUnreachableException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "fetcher-admin");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(timeout.toMillis()));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.toIntExact(timeout.toMillis()));
        try {
            return new TopicProvisioner(Admin.create(properties), bootstrapServers, timeout);
        } catch (KafkaException e) {
            throw new BrokersUnreachableException("--bootstrap-servers '" + bootstrapServers + "' is not usable: "
                    + rootMessage(e) + " (expected host:port[,host:port...])");
        }
    }

    /** Fails unless a broker describes the cluster within the timeout. */
    public int checkReachable() throws BrokersUnreachableException, InterruptedException {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis()))
                    .nodes()
                    .get(millis(), TimeUnit.MILLISECONDS)
                    .size();
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokersUnreachableException("cannot reach Kafka at " + bootstrapServers + " within "
                    + timeout.toSeconds() + " s (" + rootMessage(e) + "); set --bootstrap-servers or "
                    + "KAFKA_BOOTSTRAP_SERVERS to running brokers");
        }
    }

    /** Creates the missing topics; returns their names. */
    public List<String> ensureTopics(Collection<String> topics, int partitions)
            throws TopicSetupException, InterruptedException {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(millis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicSetupException("cannot list topics at " + bootstrapServers + ": " + rootMessage(e));
        }
        List<NewTopic> missing = topics.stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, partitions, TopicPolicy.REPLICATION_FACTOR)
                        .configs(Map.of(
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                Integer.toString(TopicPolicy.MIN_INSYNC_REPLICAS))))
                .toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        CreateTopicsResult result = admin.createTopics(missing);
        List<String> created = new ArrayList<>();
        for (NewTopic topic : missing) {
            try {
                result.values().get(topic.name()).get(millis(), TimeUnit.MILLISECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                // Another fetcher may have created it since the listing: that is the state we want.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TopicSetupException("cannot create topic " + topic.name() + " (" + partitions
                            + " partitions, RF " + TopicPolicy.REPLICATION_FACTOR + "): " + rootMessage(e));
                }
            } catch (TimeoutException e) {
                throw new TopicSetupException(
                        "creating topic " + topic.name() + " did not finish within " + timeout.toSeconds() + " s");
            }
        }
        return created;
    }

    /** Deletes topics (the benchmark cleans up its own). */
    public void deleteTopics(Collection<String> topics) throws InterruptedException {
        try {
            admin.deleteTopics(topics).all().get(millis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException ignored) {
            // Best effort: left-over benchmark topics do no harm.
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }

    private int millis() {
        return Math.toIntExact(timeout.toMillis());
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
