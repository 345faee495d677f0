package randomuser.pipeline.stack.component;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server.properties of one broker of the local three-node KRaft cluster (combined broker + controller).
 * Rendered from code on every start, so a changed setting takes effect on the next start.
 */
public final class KafkaBrokerConfig {
    public static final List<Integer> NODE_IDS = List.of(1, 2, 3);

    private KafkaBrokerConfig() {}

    /**
     * 19092, 19192, 19292. Every port of the stack lies below 32768, where Linux picks the local ports of
     * outgoing connections (ip_local_port_range 32768-60999): a broker on such a port that was down for a
     * while could find it taken by one of the clients' connections and fail to start again.
     */
    public static int brokerPort(int nodeId) {
        return 19_092 + (nodeId - 1) * 100;
    }

    /** 19093, 19193, 19293. */
    public static int controllerPort(int nodeId) {
        return brokerPort(nodeId) + 1;
    }

    public static String bootstrapServers() {
        return NODE_IDS.stream().map(id -> "127.0.0.1:" + brokerPort(id)).collect(Collectors.joining(","));
    }

    static String quorumVoters() {
        return NODE_IDS.stream()
                .map(id -> id + "@127.0.0.1:" + controllerPort(id))
                .collect(Collectors.joining(","));
    }

    public static String render(int nodeId, Path dataDir) {
        if (!NODE_IDS.contains(nodeId)) {
            throw new IllegalArgumentException("node ids are " + NODE_IDS + ", not " + nodeId);
        }
        return String.join(
                "\n",
                "# Rendered by ./pipeline for node " + nodeId + " of the local KRaft cluster; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + quorumVoters(),
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort(nodeId) + ",CONTROLLER://127.0.0.1:"
                        + controllerPort(nodeId),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort(nodeId),
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir,
                "",
                "# Durability defaults of the pipeline: every topic survives the loss of one broker.",
                "num.partitions=3",
                "default.replication.factor=3",
                "min.insync.replicas=2",
                "offsets.topic.replication.factor=3",
                "transaction.state.log.replication.factor=3",
                "transaction.state.log.min.isr=2",
                "share.coordinator.state.topic.replication.factor=3",
                "share.coordinator.state.topic.min.isr=2",
                "",
                "# Three brokers share two cores: fewer threads and buffers than a dedicated server's defaults.",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "background.threads=4",
                "log.cleaner.dedupe.buffer.size=33554432",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.num.partitions=3",
                "",
                "# Quick start and stop on one host: consumer groups form at once.",
                "group.initial.rebalance.delay.ms=0",
                "");
    }
}
