package randomuser.pipeline.stack.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.StackException;

/** What needs no broker: the answers when there is none, and bad names. */
class TopicInspectorTest {
    /** Nothing listens on port 1 of the loopback address. */
    private static final String NO_BROKERS = "127.0.0.1:1";

    @Test
    void unreachableBrokersAreOneMessageAfterTheTimeout() {
        try (TopicInspector inspector = new TopicInspector(NO_BROKERS)) {
            long started = System.nanoTime();
            StackException failure =
                    assertThrows(StackException.class, () -> inspector.topics(topic -> Optional.empty()));

            assertEquals(
                    "could not list the topics on the Kafka brokers at 127.0.0.1:1 within 5 s (TimeoutException): "
                            + "are they up? ./pipeline status shows them, ./pipeline up kafka starts them",
                    failure.getMessage());
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertEquals(true, seconds <= 10, "answered after " + seconds + " s");
        }
    }

    @Test
    void aBadTopicNameIsRefusedBeforeAskingTheBrokers() {
        try (TopicInspector inspector = new TopicInspector(NO_BROKERS)) {
            StackException failure = assertThrows(StackException.class, () -> inspector.peek("..", 5, null));
            assertEquals("'..' is not a topic name: Topic name is invalid: '..' is not allowed", failure.getMessage());
        }
    }
}
