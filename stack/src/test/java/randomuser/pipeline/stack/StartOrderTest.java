package randomuser.pipeline.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.probe.Health;

class StartOrderTest {
    private static final Component MASTER = component("master");
    private static final Component WORKER = component("worker", "master");
    private static final Component BROKER = component("broker");
    private static final Component JOB = component("job", "broker", "worker");
    private static final Map<String, Component> STACK =
            Map.of("master", MASTER, "worker", WORKER, "broker", BROKER, "job", JOB);
    private static final Function<String, Optional<Component>> BY_NAME = name -> Optional.ofNullable(STACK.get(name));

    @Test
    void aDependencyComesBeforeWhatNeedsItAndTheRestKeepsTheOrderAsked() {
        assertEquals(
                List.of("broker", "master", "worker", "job"),
                names(StartOrder.withDependencies(List.of(BROKER, WORKER, MASTER, JOB), BY_NAME)));
    }

    @Test
    void dependenciesNotAskedForAreBroughtUpToo() {
        assertEquals(
                List.of("broker", "master", "worker", "job"),
                names(StartOrder.withDependencies(List.of(JOB), BY_NAME)));
    }

    @Test
    void eachComponentOnceEvenWhenAskedTwiceOrNeededTwice() {
        Component other = component("other-job", "broker", "worker");
        assertEquals(
                List.of("broker", "master", "worker", "job", "other-job"),
                names(StartOrder.withDependencies(List.of(JOB, other, JOB), BY_NAME)));
    }

    @Test
    void aComponentAskedForIsPreferredToTheStacksOfTheSameName() {
        Component ownMaster = component("master");
        List<Component> order = StartOrder.withDependencies(List.of(WORKER, ownMaster), BY_NAME);
        assertEquals(2, order.size());
        assertSame(ownMaster, order.get(0));
        assertSame(WORKER, order.get(1));
    }

    @Test
    void anUnknownDependencyIsAnErrorInTheTable() {
        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> StartOrder.withDependencies(List.of(component("job", "nowhere")), BY_NAME));
        assertEquals("job depends on nowhere, which the stack does not have", error.getMessage());
    }

    @Test
    void aCircleIsAnErrorInTheTable() {
        Component a = component("a", "b");
        Component b = component("b", "a");
        IllegalStateException error =
                assertThrows(IllegalStateException.class, () -> StartOrder.withDependencies(List.of(a, b), BY_NAME));
        assertEquals("components depend on each other in a circle: a -> b -> a", error.getMessage());
    }

    @Test
    void theStacksTableStartsTheServersBeforeTheJobsAndTheMasterBeforeTheWorkers() {
        StackTopology topology = new StackTopology(StackLayout.at(Path.of("/a-project-not-on-this-disk")));
        List<String> order = names(StartOrder.withDependencies(topology.all(), topology::byName));
        assertEquals(topology.all().size(), order.size());
        for (Component component : topology.all()) {
            for (String dependency : component.dependsOn()) {
                assertTrue(
                        order.indexOf(dependency) < order.indexOf(component.name()),
                        component.name() + " after " + dependency + ": " + order);
            }
        }
        topology.sparkWorkers().forEach(worker -> assertEquals(List.of("spark-master"), worker.dependsOn()));
        assertEquals(
                List.of(
                        "kafka-1",
                        "kafka-2",
                        "kafka-3",
                        "mongodb",
                        "spark-master",
                        "spark-worker-1",
                        "spark-worker-2",
                        "spark-worker-3",
                        "spark-worker-4",
                        "spark-worker-5",
                        "spark-worker-6"),
                StreamingJobDriver.dependencies());
        assertEquals(List.of(), topology.byName("airflow").orElseThrow().dependsOn());
        assertEquals(StreamingJobDriver.dependencies(), names(topology.streamingJobDependencies()));
        assertEquals(
                StreamingJobDriver.dependencies(),
                topology.streamingJobs().get(0).dependsOn());
    }

    private static Component component(String name, String... dependsOn) {
        return new Component(
                name,
                List.of(),
                List.of(dependsOn),
                List.of(),
                Duration.ofSeconds(1),
                "",
                "",
                () -> {
                    throw new UnsupportedOperationException("not launched in this test");
                },
                probes -> Health.down("not probed in this test"),
                Component.NOTHING_TO_PREPARE);
    }

    private static List<String> names(List<Component> components) {
        return components.stream().map(Component::name).toList();
    }
}
