package randomuser.pipeline.stack.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class KafkaBrokerConfigTest {
    private static List<String> lines(int nodeId) {
        return Arrays.asList(KafkaBrokerConfig.render(nodeId, Path.of("/state/kafka/" + nodeId + "/data"))
                .split("\n"));
    }

    @Test
    void portsFollowTheNodeId() {
        assertEquals(19092, KafkaBrokerConfig.brokerPort(1));
        assertEquals(19293, KafkaBrokerConfig.controllerPort(3));
        assertEquals("127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292", KafkaBrokerConfig.bootstrapServers());
    }

    @Test
    void rendersACombinedKraftNodeOnLoopback() {
        List<String> config = lines(2);
        assertTrue(config.contains("process.roles=broker,controller"));
        assertTrue(config.contains("node.id=2"));
        assertTrue(config.contains("controller.quorum.voters=1@127.0.0.1:19093,2@127.0.0.1:19193,3@127.0.0.1:19293"));
        assertTrue(config.contains("listeners=PLAINTEXT://127.0.0.1:19192,CONTROLLER://127.0.0.1:19193"));
        assertTrue(config.contains("advertised.listeners=PLAINTEXT://127.0.0.1:19192"));
        assertTrue(config.contains("log.dirs=/state/kafka/2/data"));
    }

    @Test
    void topicsDefaultToThreeReplicasAndTwoInSync() {
        List<String> config = lines(1);
        assertTrue(config.contains("num.partitions=3"));
        assertTrue(config.contains("default.replication.factor=3"));
        assertTrue(config.contains("min.insync.replicas=2"));
        assertTrue(config.contains("offsets.topic.replication.factor=3"));
        assertTrue(config.contains("transaction.state.log.replication.factor=3"));
        assertTrue(config.contains("transaction.state.log.min.isr=2"));
    }

    @Test
    void everySettingIsGivenOnce() {
        List<String> keys = lines(3).stream()
                .filter(l -> l.contains("=") && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')))
                .toList();
        assertEquals(keys.size(), keys.stream().distinct().count());
    }

    @Test
    void rejectsANodeOutsideTheCluster() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KafkaBrokerConfig.render(4, Path.of("/x")));
        assertEquals("node ids are [1, 2, 3], not 4", e.getMessage());
    }
}
