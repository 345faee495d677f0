package randomuser.pipeline.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.MongoServer;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.mainjob.RunDocuments;
import randomuser.pipeline.stack.probe.CheckpointOffsets;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.probe.SparkMasterView;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.stack.process.MemoryAttribution;
import randomuser.pipeline.stack.process.ProcFs;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.process.SparkExecutors;

/**
 * Looks at the running stack without changing it: each component's health, pid and memory, the streaming jobs'
 * status files, backlogs and executors, and the documents per collection. {@code ./pipeline status} prints it;
 * the tests and benchmarks wait on it.
 */
public final class StackInspection {
    /**
     * Runs the status report's probes at once (each has its own timeout of a few seconds); daemon threads, so a
     * probe stuck on the network never keeps the CLI alive.
     */
    private static final ExecutorService STATUS_PROBES = Executors.newFixedThreadPool(16, task -> {
        Thread thread = new Thread(task, "status-probe");
        thread.setDaemon(true);
        return thread;
    });

    private final StackLayout layout;
    private final ProcessRegistry registry;
    private final StackTopology topology;
    private final String mongoUri;
    private final Supplier<Probes> probes;

    StackInspection(
            StackLayout layout,
            ProcessRegistry registry,
            StackTopology topology,
            String mongoUri,
            Supplier<Probes> probes) {
        this.layout = layout;
        this.registry = registry;
        this.topology = topology;
        this.mongoUri = mongoUri;
        this.probes = probes;
    }

    /** Up or down with evidence, pid and resident memory for every component and every other started process. */
    public List<ComponentStatus> status() {
        return processes().components();
    }

    /**
     * Each component's health, pid and memory (a job's executors count for the job, not for their worker; a
     * process's children count for it), each streaming job's status file, and the document counts.
     */
    public StackStatus report() {
        // The counts are asked for beside the probes, not after them: each probe waits on the network, and the
        // report answers in the time of the slowest one.
        CompletableFuture<Map<String, Long>> counting = CompletableFuture.supplyAsync(
                () -> {
                    try (RunDocuments counts = new RunDocuments(mongoUri, Facet.DATABASE)) {
                        return counts.totalCounts();
                    }
                },
                STATUS_PROBES);
        StackStatus processes = processes();
        Map<String, Long> documents = Map.of();
        String documentsError = null;
        boolean mongoUp = processes.components().stream().anyMatch(c -> c.name().equals(MongoServer.NAME) && c.up());
        if (mongoUp) {
            try {
                documents = counting.join();
            } catch (CompletionException e) {
                documentsError = e.getCause() instanceof StackException stack
                        ? stack.getMessage()
                        : String.valueOf(e.getCause());
            }
        } else {
            counting.cancel(true);
            documentsError = "MongoDB is down";
        }
        return new StackStatus(processes.components(), processes.jobs(), documents, documentsError);
    }

    /** Components and jobs, without asking MongoDB for counts. */
    private StackStatus processes() {
        List<Component> components = topology.all();
        Map<String, Long> running = new TreeMap<>(registry.allRunning());
        Map<String, Health> health = new LinkedHashMap<>();
        Map<String, Set<Long>> executors = new LinkedHashMap<>();
        Map<Facet, OptionalLong> backlog;
        try (Probes probes = this.probes.get()) {
            CompletableFuture<Map<Facet, OptionalLong>> backlogs =
                    CompletableFuture.supplyAsync(() -> backlog(probes), STATUS_PROBES);
            Map<String, CompletableFuture<Health>> probing = new LinkedHashMap<>();
            components.forEach(component -> probing.put(
                    component.name(), CompletableFuture.supplyAsync(() -> component.probe(probes), STATUS_PROBES)));
            probing.forEach((name, probe) -> health.put(name, probe.join()));
            backlog = backlogs.join();
            SparkMasterView master = probes.sparkMaster();
            Map<String, Set<Long>> byApplication = executorsByApplication(running);
            for (Component job : topology.streamingJobs()) {
                executors.put(job.name(), executorsOf(job.name(), master, byApplication));
            }
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        components.forEach(c -> Optional.ofNullable(running.get(c.name())).ifPresent(pid -> pids.put(c.name(), pid)));
        running.forEach(pids::putIfAbsent);
        Map<String, Long> memory = MemoryAttribution.residentKiBNow(pids, executors);

        List<ComponentStatus> rows = new ArrayList<>();
        for (Component component : components) {
            Health h = health.get(component.name());
            Long pid = pids.get(component.name());
            rows.add(new ComponentStatus(
                    component.name(),
                    h.healthy(),
                    h.evidence(),
                    pid == null ? OptionalLong.empty() : OptionalLong.of(pid),
                    pid == null ? 0 : memory.get(component.name())));
        }
        pids.keySet().stream()
                .filter(name -> components.stream().noneMatch(c -> c.name().equals(name)))
                .forEach(name -> rows.add(new ComponentStatus(
                        name, true, "process running", OptionalLong.of(pids.get(name)), memory.get(name))));

        List<StackStatus.Job> jobs = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            String name = StreamingJobDriver.componentName(facet);
            Long driver = pids.get(name);
            long executorKiB = executors.getOrDefault(name, Set.of()).stream()
                    .mapToLong(pid -> ProcFs.residentKiB(pid).orElse(0))
                    .sum();
            jobs.add(new StackStatus.Job(
                    name,
                    driver != null,
                    streamingJobStatus(facet),
                    backlog.get(facet),
                    driver == null ? 0 : memory.get(name) - executorKiB,
                    executorKiB));
        }
        return new StackStatus(rows, jobs, Map.of(), null);
    }

    /** True when every job has written every record of its topic (a job Kafka gives no backlog for has not). */
    public boolean streamingJobsCaughtUp() {
        return streamingBacklog().values().stream()
                .allMatch(backlog -> backlog.isPresent() && backlog.getAsLong() == 0);
    }

    /**
     * Per job, the records of its topic after its last committed batch: what it has still to write (the batch
     * it works on included). Empty for a job when Kafka does not answer.
     */
    public Map<Facet, OptionalLong> streamingBacklog() {
        try (Probes probes = this.probes.get()) {
            return backlog(probes);
        }
    }

    private Map<Facet, OptionalLong> backlog(Probes probes) {
        Map<Facet, OptionalLong> backlog = new LinkedHashMap<>();
        Optional<Map<String, Map<Integer, long[]>>> offsets = probes.topicOffsets(
                Arrays.stream(Facet.values()).map(Facet::topic).toList());
        for (Facet facet : Facet.values()) {
            Map<Integer, long[]> partitions =
                    offsets.map(o -> o.get(facet.topic())).orElse(null);
            if (partitions == null) {
                backlog.put(facet, OptionalLong.empty());
                continue;
            }
            Map<Integer, Long> starts = new LinkedHashMap<>();
            Map<Integer, Long> ends = new LinkedHashMap<>();
            partitions.forEach((partition, range) -> {
                starts.put(partition, range[0]);
                ends.put(partition, range[1]);
            });
            Map<Integer, Long> committed = CheckpointOffsets.committed(
                            layout.checkpointDir(facet.facetName()), facet.topic())
                    .orElse(Map.of());
            backlog.put(facet, OptionalLong.of(CheckpointOffsets.behind(ends, starts, committed)));
        }
        return backlog;
    }

    /** What a streaming job's driver last wrote about itself; empty before its first start. */
    public Optional<StreamingJobStatus> streamingJobStatus(Facet facet) {
        return StreamingJobStatus.read(layout.jobStatusFile(facet.facetName()));
    }

    /** The pids of the executors working for the job now. */
    public Set<Long> executorsOf(String jobName) {
        try (Probes probes = this.probes.get()) {
            return executorsOf(jobName, probes.sparkMaster(), executorsByApplication(registry.allRunning()));
        }
    }

    /** Application id to its executors' pids, among the running workers' child processes. */
    private Map<String, Set<Long>> executorsByApplication(Map<String, Long> running) {
        return SparkExecutors.byApplication(topology.sparkWorkers().stream()
                .map(worker -> running.get(worker.name()))
                .filter(pid -> pid != null)
                .toList());
    }

    private static Set<Long> executorsOf(String jobName, SparkMasterView master, Map<String, Set<Long>> byApplication) {
        Set<Long> pids = new HashSet<>();
        master.activeApps(jobName).forEach(app -> pids.addAll(byApplication.getOrDefault(app.id(), Set.of())));
        return pids;
    }
}
