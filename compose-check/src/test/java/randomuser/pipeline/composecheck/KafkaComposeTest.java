package randomuser.pipeline.composecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static randomuser.pipeline.composecheck.Deployment.BROKERS;
import static randomuser.pipeline.composecheck.Deployment.KAFKA;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.TopicPolicy;
import randomuser.pipeline.composecheck.ComposeFile.Mount;

/** docker-compose-kafka.yaml: brokers, topics, Kafka UI and MongoDB. */
class KafkaComposeTest {

    @Test
    void servicesAreTheBrokersTheTopicJobKafkaUiAndMongodb() {
        assertEquals(
                Set.of("kafka-1", "kafka-2", "kafka-3", "kafka-topics", "kafka-ui", "mongodb"), KAFKA.serviceNames());
    }

    @Test
    void brokersAndTopicJobRunTheOfficialImageOfThePomsKafkaVersion() {
        String expected = "apache/kafka:" + Deployment.pom().get("kafka.version");
        for (String service : List.of("kafka-1", "kafka-2", "kafka-3", "kafka-topics")) {
            assertEquals(expected, KAFKA.image(service), service);
        }
    }

    @Test
    void brokersAreThreeCombinedKraftNodesWithIdsOneToThreeInOneCluster() {
        for (int id = 1; id <= 3; id++) {
            String broker = "kafka-" + id;
            Map<String, String> env = KAFKA.environment(broker);
            assertEquals(String.valueOf(id), env.get("KAFKA_NODE_ID"), broker);
            assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"), broker);
            assertEquals(
                    "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"), broker);
            assertEquals(broker, KAFKA.service(broker).get("hostname"), broker);
        }
        Set<String> clusterIds = BROKERS.stream()
                .map(b -> KAFKA.environment(b).get("CLUSTER_ID"))
                .collect(Collectors.toSet());
        assertEquals(1, clusterIds.size(), "one cluster id for the three brokers: " + clusterIds);
    }

    @Test
    void brokersDefaultToReplicationFactorThreeAndMinInsyncReplicasTwo() {
        for (String broker : BROKERS) {
            Map<String, String> env = KAFKA.environment(broker);
            assertEquals("3", env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"), broker);
            assertEquals("2", env.get("KAFKA_MIN_INSYNC_REPLICAS"), broker);
            assertEquals("3", env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"), broker);
            assertEquals("3", env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"), broker);
            assertEquals("2", env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"), broker);
        }
    }

    @Test
    void everyBrokerHasAHealthCheckAndItsOwnDataVolume() {
        for (String broker : BROKERS) {
            assertEquals(
                    List.of(
                            "CMD",
                            "/opt/kafka/bin/kafka-broker-api-versions.sh",
                            "--bootstrap-server",
                            "localhost:9092"),
                    KAFKA.healthcheckTest(broker),
                    broker);
            assertEquals(
                    List.of(new Mount("volume", broker + "-data", "/var/lib/kafka/data", false)),
                    KAFKA.mounts(broker),
                    broker);
            assertTrue(KAFKA.section("volumes").containsKey(broker + "-data"), broker + "-data is a named volume");
        }
    }

    @Test
    void topicJobCreatesExactlyTheCataloguesTopicsOnceTheBrokersAreHealthy() {
        List<String> command = KAFKA.command("kafka-topics");
        assertEquals(List.of("/bin/sh", "/opt/randomuser/create-topics.sh"), command.subList(0, 2));
        assertEquals(Facet.topics(), command.subList(2, command.size()));
        assertEquals(
                Map.of("kafka-1", "service_healthy", "kafka-2", "service_healthy", "kafka-3", "service_healthy"),
                KAFKA.dependsOn("kafka-topics"));
        assertEquals(
                List.of(new Mount("bind", "./deploy/kafka/create-topics.sh", "/opt/randomuser/create-topics.sh", true)),
                KAFKA.mounts("kafka-topics"));
        assertEquals("${TOPIC_PARTITIONS:-3}", KAFKA.environment("kafka-topics").get("TOPIC_PARTITIONS"));
        assertEquals("no", KAFKA.service("kafka-topics").get("restart"));
    }

    @Test
    void topicScriptCreatesIdempotentlyWithTheCataloguesTopicPolicy() {
        String script = Deployment.read("deploy/kafka/create-topics.sh");
        assertTrue(script.contains("--create --if-not-exists"), "topics are created with --if-not-exists");
        assertTrue(
                script.lines().anyMatch(("REPLICATION_FACTOR=" + TopicPolicy.REPLICATION_FACTOR)::equals),
                "replication factor 3");
        assertTrue(
                script.lines().anyMatch(("MIN_INSYNC_REPLICAS=" + TopicPolicy.MIN_INSYNC_REPLICAS)::equals),
                "min.insync.replicas 2");
        assertTrue(
                script.contains("--config \"min.insync.replicas=$MIN_INSYNC_REPLICAS\""), "min ISR set on each topic");
        assertTrue(
                script.contains("partitions=\"${TOPIC_PARTITIONS:-" + TopicPolicy.PARTITIONS + "}\""),
                "3 partitions unless TOPIC_PARTITIONS says otherwise");
    }

    @Test
    void kafkaUiIsThePinnedKafbatImageOnPort8888ForTheThreeBrokers() {
        assertTrue(
                KAFKA.image("kafka-ui").matches("ghcr\\.io/kafbat/kafka-ui:v\\d+\\.\\d+\\.\\d+"),
                "a released kafbat tag, not latest or main: " + KAFKA.image("kafka-ui"));
        assertEquals(List.of("8888:8080"), KAFKA.ports("kafka-ui"));
        assertEquals(
                Deployment.brokerBootstrapServers(),
                KAFKA.environment("kafka-ui").get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS"));
    }

    @Test
    void mongodbIsAPinnedOfficialImageWithAuthenticationTheInitScriptAVolumeAndAHealthCheck() {
        assertTrue(
                KAFKA.image("mongodb").matches("mongo:(7|8)\\.0\\.\\d+"),
                "official mongo 7.0.x or 8.0.x: " + KAFKA.image("mongodb"));
        assertEquals(List.of("27017:27017"), KAFKA.ports("mongodb"));
        Map<String, String> env = KAFKA.environment("mongodb");
        assertTrue(
                env.get("MONGO_INITDB_ROOT_USERNAME").startsWith("${MONGODB_ROOT_USERNAME:?"), "root user from .env");
        assertTrue(
                env.get("MONGO_INITDB_ROOT_PASSWORD").startsWith("${MONGODB_ROOT_PASSWORD:?"),
                "root password from .env");
        assertEquals(
                List.of(
                        new Mount("volume", "mongodb-data", "/data/db", false),
                        new Mount("bind", "./mongo/mongo-init.js", "/docker-entrypoint-initdb.d/mongo-init.js", true)),
                KAFKA.mounts("mongodb"));
        assertTrue(KAFKA.section("volumes").containsKey("mongodb-data"), "mongodb-data is a named volume");
        assertEquals(
                List.of("CMD", "mongosh", "--quiet", "--eval", "db.adminCommand({ ping: 1 }).ok"),
                KAFKA.healthcheckTest("mongodb"));
    }
}
