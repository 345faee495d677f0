package randomuser.pipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TestServerTest {
    private static final Map<String, String> NOTHING_SET = Map.of();

    @Test
    void withNothingSetEachServerIsLookedForAtTheLocalStacksAddress() {
        List<String> tried = new ArrayList<>();
        assertEquals(
                "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292",
                TestServer.KAFKA.address(
                        NOTHING_SET::get,
                        host -> tried.add(hostPort(host)) && hostPort(host).endsWith("19292")));
        assertEquals(List.of("127.0.0.1:19092", "127.0.0.1:19192", "127.0.0.1:19292"), tried);
        assertEquals("mongodb://127.0.0.1:27017", TestServer.MONGODB.address(NOTHING_SET::get, host -> true));
        assertEquals("spark://127.0.0.1:7077", TestServer.SPARK_MASTER.address(NOTHING_SET::get, host -> true));
    }

    @Test
    void theEnvironmentNamesTheServersTheWayItNamesThemToTheProduct() {
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "kafka-1:9092,kafka-2:9092",
                "MONGODB_URI",
                "mongodb://app:secret@mongo-a,mongo-b:27018/?replicaSet=rs0",
                "SPARK_MASTER_URL",
                "spark://spark-master:7077");
        List<String> tried = new ArrayList<>();
        assertEquals(
                "mongodb://app:secret@mongo-a,mongo-b:27018/?replicaSet=rs0",
                TestServer.MONGODB.address(environment::get, host -> tried.add(hostPort(host))));
        assertEquals(List.of("mongo-a:27017"), tried);
        assertEquals("kafka-1:9092,kafka-2:9092", TestServer.KAFKA.address(environment::get, host -> true));
        assertEquals("spark://spark-master:7077", TestServer.SPARK_MASTER.address(environment::get, host -> true));
        // An SRV URI names no host to connect to: it is taken as it is, the driver resolves it.
        assertEquals(
                "mongodb+srv://cluster0.example.net",
                TestServer.MONGODB.address(
                        Map.of("MONGODB_URI", "mongodb+srv://cluster0.example.net")::get, host -> false));
    }

    @Test
    void aServerThatDoesNotAnswerFailsInOneLineThatSaysWhatToDo() {
        IllegalStateException unset = assertThrows(
                IllegalStateException.class, () -> TestServer.KAFKA.address(NOTHING_SET::get, host -> false));
        assertEquals(
                "no Kafka answers at 127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292 (KAFKA_BOOTSTRAP_SERVERS is "
                        + "not set: the local stack's address). The integration tests run on servers that are up and never "
                        + "start one: run them with ./pipeline test, or start the local stack with ./pipeline up --no-trigger, "
                        + "or set KAFKA_BOOTSTRAP_SERVERS.",
                unset.getMessage());
        IllegalStateException set = assertThrows(
                IllegalStateException.class,
                () -> TestServer.MONGODB.address(
                        Map.of("MONGODB_URI", "mongodb://app:secret@db.example:27018/pipeline")::get, host -> false));
        assertEquals(
                "no MongoDB answers at db.example:27018 (MONGODB_URI). The integration tests run on servers that "
                        + "are up and never start one: run them with ./pipeline test, or start the local stack with ./pipeline "
                        + "up --no-trigger, or set MONGODB_URI.",
                set.getMessage());
        IllegalStateException noPort = assertThrows(
                IllegalStateException.class,
                () -> TestServer.SPARK_MASTER.address(Map.of("SPARK_MASTER_URL", "spark://master")::get, host -> true));
        assertEquals("SPARK_MASTER_URL holds master, which has no port", noPort.getMessage());
    }

    private static String hostPort(InetSocketAddress host) {
        return host.getHostString() + ":" + host.getPort();
    }
}
