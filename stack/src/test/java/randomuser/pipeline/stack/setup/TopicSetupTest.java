package randomuser.pipeline.stack.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

class TopicSetupTest {
    @Test
    void oneTopicPerFacetWithReplicationThreeAndMinInsyncTwo() {
        List<NewTopic> topics = TopicSetup.catalogueTopics(3);
        assertEquals(
                List.of(
                        "randomuser.profiles",
                        "randomuser.locations",
                        "randomuser.contacts",
                        "randomuser.accounts",
                        "randomuser.identities",
                        "randomuser.pictures"),
                topics.stream().map(NewTopic::name).toList());
        for (NewTopic topic : topics) {
            assertEquals(3, topic.numPartitions());
            assertEquals(3, topic.replicationFactor());
            assertEquals(Map.of("min.insync.replicas", "2"), topic.configs());
        }
        assertEquals(6, TopicSetup.catalogueTopics(6).get(0).numPartitions());
        assertThrows(StackException.class, () -> TopicSetup.catalogueTopics(0));
    }

    @Test
    void summarySaysWhatWasCreated() {
        assertEquals(
                "topics: 1 created [randomuser.pictures], 5 already there",
                new TopicSetup.Result(List.of("randomuser.pictures"), List.of("a", "b", "c", "d", "e")).summary());
    }

    @Test
    void mongoInitRunsTheProjectsScriptWithMongosh() {
        assertEquals(
                List.of(
                        "/p/tools/mongosh/node_modules/.bin/mongosh",
                        "--quiet",
                        "mongodb://127.0.0.1:27017",
                        "/p/mongo/mongo-init.js"),
                MongoInit.command(StackLayout.at(Path.of("/p")), "mongodb://127.0.0.1:27017"));
    }
}
