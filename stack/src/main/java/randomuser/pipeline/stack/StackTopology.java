package randomuser.pipeline.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.component.Airflow;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.Emulator;
import randomuser.pipeline.stack.component.KafkaBroker;
import randomuser.pipeline.stack.component.KafkaBrokerConfig;
import randomuser.pipeline.stack.component.MongoServer;
import randomuser.pipeline.stack.component.SparkMaster;
import randomuser.pipeline.stack.component.SparkWorker;
import randomuser.pipeline.stack.component.StreamingJobDriver;

/**
 * What the local stack is made of: the table of its processes, by group. Each row is a {@link Component}: its
 * command line, ports, dependencies, install steps, health probe and start timeout, filled in by the factory of
 * its kind. Starting them is the {@link Supervisor}'s job, looking at them {@link StackInspection}'s,
 * breaking them on purpose {@link StackFaults}'.
 */
public final class StackTopology {
    private final StackLayout layout;

    StackTopology(StackLayout layout) {
        this.layout = layout;
    }

    /** The three Kafka nodes (broker and controller each). */
    public List<Component> kafkaBrokers() {
        return KafkaBrokerConfig.NODE_IDS.stream()
                .map(id -> KafkaBroker.component(layout, id))
                .toList();
    }

    public List<Component> mongoServer() {
        return List.of(MongoServer.component(layout));
    }

    /** The master, then the workers. */
    public List<Component> spark() {
        List<Component> spark = new ArrayList<>();
        spark.add(SparkMaster.component(layout));
        spark.addAll(sparkWorkers());
        return spark;
    }

    List<Component> sparkWorkers() {
        return IntStream.rangeClosed(1, SparkWorker.COUNT)
                .mapToObj(n -> SparkWorker.component(layout, n))
                .toList();
    }

    public List<Component> emulator() {
        return List.of(Emulator.component(layout));
    }

    public List<Component> airflow() {
        return List.of(Airflow.component(layout));
    }

    /** The six streaming jobs' drivers, in catalogue order. */
    public List<Component> streamingJobs() {
        return Arrays.stream(Facet.values())
                .map(facet -> new StreamingJobDriver(layout, facet).component())
                .toList();
    }

    /** What the streaming jobs depend on ({@link StreamingJobDriver#dependencies()}), as the stack's components. */
    public List<Component> streamingJobDependencies() {
        List<Component> all = all();
        return StreamingJobDriver.dependencies().stream()
                .map(name -> named(all, name).orElseThrow())
                .toList();
    }

    /** The servers the jobs and DAGs depend on. */
    public List<Component> infrastructure() {
        List<Component> all = new ArrayList<>(kafkaBrokers());
        all.addAll(mongoServer());
        all.addAll(emulator());
        all.addAll(spark());
        return all;
    }

    /** Every component: the infrastructure, Airflow, the streaming jobs (the order of the tables). */
    public List<Component> all() {
        List<Component> all = new ArrayList<>(infrastructure());
        all.addAll(airflow());
        all.addAll(streamingJobs());
        return all;
    }

    /** The stack's component of that name, if it has one. */
    Optional<Component> byName(String name) {
        return named(all(), name);
    }

    private static Optional<Component> named(List<Component> components, String name) {
        return components.stream()
                .filter(component -> component.name().equals(name))
                .findFirst();
    }

    /** Airflow's and the jobs' processes: clients of the servers, so stopped before them. */
    List<String> clientNames() {
        List<String> clients = new ArrayList<>();
        airflow().forEach(component -> clients.add(component.name()));
        streamingJobs().forEach(component -> clients.add(component.name()));
        return clients;
    }
}
