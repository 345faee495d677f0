package randomuser.pipeline.stack.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class KafkaClusterViewTest {
    @Test
    void aBrokerIsUpWhenTheClusterListsIt() {
        KafkaClusterView view = KafkaClusterView.of(Set.of(1, 3), 3, Set.of(1, 2, 3), Set.of(1, 3));
        String evidence = "brokers in cluster [1, 3]; quorum voters [1, 2, 3], leader 3, caught up [1, 3]";
        assertEquals(Health.up(evidence), view.brokerHealth(1));
        assertEquals(Health.down("node 2 not in cluster; " + evidence), view.brokerHealth(2));
    }

    @Test
    void anUnreachableClusterMakesEveryBrokerDown() {
        assertEquals(
                Health.down("cluster not reachable: no answer within 3s"),
                KafkaClusterView.unreachable("no answer within 3s").brokerHealth(1));
    }
}
