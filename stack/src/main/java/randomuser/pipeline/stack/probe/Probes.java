package randomuser.pipeline.stack.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.airflow.AirflowClient;

/**
 * Asks the running servers whether they are healthy, through their own protocols. One instance serves one
 * wait or one status report: it keeps an AdminClient open and caches the cluster-wide answers (Kafka
 * cluster, Spark master) for a moment, so that probing three brokers asks the cluster once.
 */
public final class Probes implements AutoCloseable {
    private static final Duration CACHE_FOR = Duration.ofMillis(700);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** A voter that fetched from the leader this recently counts as caught up. */
    private static final long CAUGHT_UP_WITHIN_MS = 10_000;

    private final String bootstrapServers;
    private final String sparkMasterUiUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Admin admin;
    private final Object adminLock = new Object();
    private KafkaClusterView kafka;
    private long kafkaAt;
    private SparkMasterView spark;
    private long sparkAt;

    public Probes(String bootstrapServers, String sparkMasterUiUrl) {
        this.bootstrapServers = bootstrapServers;
        this.sparkMasterUiUrl = sparkMasterUiUrl;
    }

    public synchronized KafkaClusterView kafka() {
        if (kafka == null || System.nanoTime() - kafkaAt > CACHE_FOR.toNanos()) {
            kafka = askKafka();
            kafkaAt = System.nanoTime();
        }
        return kafka;
    }

    private KafkaClusterView askKafka() {
        try {
            Set<Integer> brokers =
                    admin().describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                            .map(Node::id)
                            .collect(Collectors.toSet());
            QuorumInfo quorum =
                    admin().describeMetadataQuorum().quorumInfo().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<Integer> voters = new HashSet<>();
            Set<Integer> caughtUp = new HashSet<>();
            long now = System.currentTimeMillis();
            for (QuorumInfo.ReplicaState voter : quorum.voters()) {
                voters.add(voter.replicaId());
                boolean recent = voter.lastCaughtUpTimestamp().isPresent()
                        && now - voter.lastCaughtUpTimestamp().getAsLong() < CAUGHT_UP_WITHIN_MS;
                if (voter.replicaId() == quorum.leaderId() || recent) {
                    caughtUp.add(voter.replicaId());
                }
            }
            return KafkaClusterView.of(brokers, quorum.leaderId(), voters, caughtUp);
        } catch (TimeoutException e) {
            return KafkaClusterView.unreachable("no answer within " + TIMEOUT.toSeconds() + "s");
        } catch (ExecutionException e) {
            return KafkaClusterView.unreachable(e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KafkaClusterView.unreachable("interrupted");
        }
    }

    /** Its own lock: the status report asks for offsets while another thread asks the cluster (under this). */
    private Admin admin() {
        synchronized (adminLock) {
            return adminOnce();
        }
    }

    private Admin adminOnce() {
        if (admin == null) {
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipeline-stack-probe");
            admin = Admin.create(config);
        }
        return admin;
    }

    public synchronized SparkMasterView sparkMaster() {
        if (spark == null || System.nanoTime() - sparkAt > CACHE_FOR.toNanos()) {
            // The master's /json redirects to /json/: ask the final address directly.
            HttpGet answer = get(sparkMasterUiUrl + "/json/");
            spark = answer.status() == 200
                    ? SparkMasterView.parse(answer.body())
                    : SparkMasterView.unreachable(answer.summary());
            sparkAt = System.nanoTime();
        }
        return spark;
    }

    /**
     * First and next-to-be-written offset of every partition of the topics, as {@code topic -> [start, end]}
     * per partition; empty when the cluster does not answer.
     */
    public Optional<Map<String, Map<Integer, long[]>>> topicOffsets(Collection<String> topics) {
        try {
            Map<String, TopicDescription> descriptions =
                    admin().describeTopics(topics).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions
                    .values()
                    .forEach(topic -> topic.partitions().forEach(p -> {
                        earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                        latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
                    }));
            var starts = admin().listOffsets(earliest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var ends = admin().listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Map<Integer, long[]>> result = new HashMap<>();
            ends.forEach((partition, end) -> result.computeIfAbsent(partition.topic(), t -> new HashMap<>())
                    .put(
                            partition.partition(),
                            new long[] {starts.get(partition).offset(), end.offset()}));
            return Optional.of(result);
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Airflow's health endpoint, then each DAG through the API (with a token): parsed or not yet. */
    public AirflowView airflow(AirflowClient client, List<String> dagIds) {
        try {
            JsonNode health = client.health();
            Map<String, Optional<JsonNode>> dags = new LinkedHashMap<>();
            for (String dagId : dagIds) {
                dags.put(dagId, client.dag(dagId));
            }
            return AirflowView.of(health, dags);
        } catch (StackException e) {
            return AirflowView.unreachable(e.getMessage());
        }
    }

    /** Healthy when {@code url} answers 200. */
    public Health httpOk(String url) {
        HttpGet answer = get(url);
        return answer.status() == 200
                ? Health.up("GET " + url + " -> 200")
                : Health.down("GET " + url + " -> " + answer.summary());
    }

    /** Healthy when the server answers the MongoDB {@code ping} command through the Java driver. */
    public Health mongoPing(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document pong = client.getDatabase("admin").runCommand(new Document("ping", 1));
            Document build = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            // The local server adds what it really is to buildInfo; a real MongoDB answers with its version alone.
            String server = "MongoDB " + build.get("version")
                    + (build.containsKey("localServer") ? ", " + build.get("localServer") : "");
            return Health.up("ping ok=" + pong.get("ok") + " (" + server + ")");
        } catch (RuntimeException e) {
            return Health.down("ping failed: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private record HttpGet(int status, String body, String summary) {}

    private HttpGet get(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HttpGet(response.statusCode(), response.body(), "HTTP " + response.statusCode());
        } catch (java.io.IOException e) {
            return new HttpGet(
                    -1, "", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpGet(-1, "", "interrupted");
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public void close() {
        synchronized (adminLock) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
                admin = null;
            }
        }
    }
}
