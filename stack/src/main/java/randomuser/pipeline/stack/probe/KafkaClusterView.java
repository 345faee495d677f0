package randomuser.pipeline.stack.probe;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the Kafka cluster says about itself through the AdminClient: the brokers registered in the cluster
 * (describeCluster) and the KRaft controller quorum (describeMetadataQuorum).
 *
 * @param brokers        node ids in the cluster
 * @param leader         the quorum leader's node id, or -1
 * @param voters         node ids of the quorum voters
 * @param caughtUpVoters voters whose log caught up with the leader's recently
 * @param error          why the cluster could not be asked, or null
 */
public record KafkaClusterView(
        SortedSet<Integer> brokers,
        int leader,
        SortedSet<Integer> voters,
        SortedSet<Integer> caughtUpVoters,
        String error) {

    public static KafkaClusterView unreachable(String error) {
        return new KafkaClusterView(new TreeSet<>(), -1, new TreeSet<>(), new TreeSet<>(), error);
    }

    public static KafkaClusterView of(Set<Integer> brokers, int leader, Set<Integer> voters, Set<Integer> caughtUp) {
        return new KafkaClusterView(
                new TreeSet<>(brokers), leader, new TreeSet<>(voters), new TreeSet<>(caughtUp), null);
    }

    /** One broker is healthy when the cluster lists it as a broker. */
    public Health brokerHealth(int nodeId) {
        if (error != null) {
            return Health.down("cluster not reachable: " + error);
        }
        String evidence = "brokers in cluster " + format(brokers) + "; quorum voters " + format(voters) + ", leader "
                + (leader < 0 ? "none" : leader) + ", caught up " + format(caughtUpVoters);
        return brokers.contains(nodeId)
                ? Health.up(evidence)
                : Health.down("node " + nodeId + " not in cluster; " + evidence);
    }

    private static String format(SortedSet<Integer> ids) {
        return ids.isEmpty() ? "[]" : List.copyOf(ids).toString();
    }
}
