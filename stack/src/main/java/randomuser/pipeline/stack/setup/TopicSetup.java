package randomuser.pipeline.stack.setup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.TopicPolicy;
import randomuser.pipeline.stack.StackException;

/**
 * Creates the six catalogue topics with the pipeline's durability settings ({@link TopicPolicy}: replication
 * factor 3 and {@code min.insync.replicas=2}), so an acknowledged record survives the loss of a broker. A topic that
 * already exists is left as it is (its partitions and settings may have been chosen on purpose).
 */
public final class TopicSetup {
    public static final int DEFAULT_PARTITIONS = TopicPolicy.PARTITIONS;
    private static final int TIMEOUT_SECONDS = 60;

    private TopicSetup() {}

    /** What {@link #ensure} did: topics it created and topics that were there already. */
    public record Result(List<String> created, List<String> existing) {
        public String summary() {
            return "topics: " + created.size() + " created" + (created.isEmpty() ? "" : " " + created) + ", "
                    + existing.size() + " already there";
        }
    }

    /** One topic per facet, in catalogue order. */
    public static List<NewTopic> catalogueTopics(int partitions) {
        if (partitions < 1) {
            throw new StackException("topics need at least 1 partition, not " + partitions);
        }
        return Arrays.stream(Facet.values())
                .map(facet -> new NewTopic(facet.topic(), partitions, TopicPolicy.REPLICATION_FACTOR)
                        .configs(Map.of(
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                Integer.toString(TopicPolicy.MIN_INSYNC_REPLICAS))))
                .toList();
    }

    public static Result ensure(String bootstrapServers, int partitions) {
        List<NewTopic> wanted = catalogueTopics(partitions);
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipeline-topic-setup");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
        try (Admin admin = Admin.create(config)) {
            Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> created = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted) {
                if (present.contains(topic.name())) {
                    existing.add(topic.name());
                } else {
                    missing.add(topic);
                }
            }
            var results = admin.createTopics(missing).values();
            for (NewTopic topic : missing) {
                try {
                    results.get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    // Another caller (a test, the fetcher) created it in between: it is there, which is the goal.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage());
                    }
                    existing.add(topic.name());
                }
            }
            return new Result(created, existing);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot list the Kafka topics at " + bootstrapServers + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : "no answer within " + TIMEOUT_SECONDS + "s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating the topics");
        }
    }
}
