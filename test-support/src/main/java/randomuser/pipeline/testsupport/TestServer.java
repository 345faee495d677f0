package randomuser.pipeline.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.mongodb.ConnectionString;

import randomuser.pipeline.catalogue.DefaultAddresses;

/**
 * The servers the integration tests run on, found the way the product finds them: the environment
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code SPARK_MASTER_URL}), else the local stack's
 * addresses. The tests never start a server: {@code ./pipeline test} starts a stack of its own for them and names
 * it in those variables, and a developer runs one test class against {@code ./pipeline up --no-trigger} (or any
 * cluster the variables name). A server that does not answer fails the test in one line that says what to do.
 */
public enum TestServer {
    KAFKA("Kafka", DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS_VARIABLE, DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS),
    MONGODB("MongoDB", DefaultAddresses.MONGODB_URI_VARIABLE, DefaultAddresses.MONGODB_URI),
    SPARK_MASTER("the Spark master", DefaultAddresses.SPARK_MASTER_URL_VARIABLE, DefaultAddresses.SPARK_MASTER_URL);

    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    /** A server checked once per JVM: the tests' many calls cost nothing after the first. */
    private static final Map<TestServer, String> ANSWERED = new ConcurrentHashMap<>();

    private final String description;
    private final String variable;
    private final String localStackAddress;

    TestServer(String description, String variable, String localStackAddress) {
        this.description = description;
        this.variable = variable;
        this.localStackAddress = localStackAddress;
    }

    /** The variable that names this server ({@code KAFKA_BOOTSTRAP_SERVERS}, ...). */
    public String variable() {
        return variable;
    }

    /**
     * Where this server is (the variable's value, else the local stack's address), once it has answered there;
     * otherwise an {@link IllegalStateException} that says where it looked and what to do.
     */
    public String address() {
        return ANSWERED.computeIfAbsent(this, server -> server.address(System::getenv, TestServer::answers));
    }

    /** {@link #address()} with the environment and the reachability check given (for the unit test). */
    String address(Function<String, String> environment, Predicate<InetSocketAddress> answers) {
        String configured = environment.apply(variable);
        boolean fromEnvironment = configured != null && !configured.isBlank();
        String address = fromEnvironment ? configured.trim() : localStackAddress;
        List<InetSocketAddress> hosts = hosts(address);
        if (hosts.isEmpty() || hosts.stream().anyMatch(answers)) {
            return address;
        }
        // Only host:port pairs: a MongoDB URI may hold credentials.
        String where = String.join(
                ",",
                hosts.stream()
                        .map(host -> host.getHostString() + ":" + host.getPort())
                        .toList());
        throw new IllegalStateException("no " + description + " answers at " + where + " ("
                + (fromEnvironment ? variable : variable + " is not set: the local stack's address") + "). The "
                + "integration tests run on servers that are up and never start one: run them with ./pipeline test, "
                + "or start the local stack with ./pipeline up --no-trigger, or set " + variable + ".");
    }

    /** The hosts to try; none for an address that names no host to connect to (a {@code mongodb+srv} URI). */
    List<InetSocketAddress> hosts(String address) {
        List<String> hostPorts = switch (this) {
            case KAFKA -> Arrays.asList(address.split(","));
            case MONGODB -> {
                ConnectionString uri = new ConnectionString(address);
                yield uri.isSrvProtocol() ? List.of() : uri.getHosts();
            }
            case SPARK_MASTER ->
                Arrays.asList(address.replaceFirst("^spark://", "").split(","));
        };
        int defaultPort = this == MONGODB ? 27017 : -1;
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String hostPort : hostPorts) {
            String trimmed = hostPort.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon < 0 && defaultPort < 0) {
                throw new IllegalStateException(variable + " holds " + trimmed + ", which has no port");
            }
            String host = colon < 0 ? trimmed : trimmed.substring(0, colon);
            hosts.add(InetSocketAddress.createUnresolved(
                    host, colon < 0 ? defaultPort : port(trimmed.substring(colon + 1))));
        }
        return hosts;
    }

    private int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(variable + " names port " + text + ", which is not a number");
        }
    }

    private static boolean answers(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
