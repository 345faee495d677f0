package randomuser.pipeline.stack.cli;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.probe.CheckpointOffsets;
import randomuser.pipeline.stack.topics.TopicInspector;
import randomuser.pipeline.stack.topics.TopicPartitionReport;

@Command(
        name = "topics",
        description = "Each topic on the brokers, partition by partition: leader, replicas, in-sync "
                + "replicas, start and end offsets, and for the six facet topics the streaming job's committed offset and lag. "
                + "Read-only.")
final class TopicsCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalStack stack = LocalStack.forProject();
        try (TopicInspector inspector = new TopicInspector(stack.bootstrapServers())) {
            List<TopicPartitionReport> partitions = inspector.topics(topic -> Facet.byTopic(topic)
                    .flatMap(facet -> CheckpointOffsets.committed(stack.checkpointDir(facet), topic)));
            spec.commandLine().getOut().print(render(partitions));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    static String render(List<TopicPartitionReport> partitions) {
        TextTable table = new TextTable(
                "TOPIC", "PARTITION", "LEADER", "REPLICAS", "ISR", "START", "END", "JOB", "COMMITTED", "LAG");
        for (TopicPartitionReport p : partitions) {
            Optional<Facet> facet = Facet.byTopic(p.topic());
            OptionalLong lag = p.jobLag(facet.isPresent());
            table.row(
                    p.topic(),
                    Integer.toString(p.partition()),
                    p.leader() < 0 ? "none" : Integer.toString(p.leader()),
                    ids(p.replicas()),
                    ids(p.inSync()),
                    Long.toString(p.startOffset()),
                    Long.toString(p.endOffset()),
                    facet.map(f -> "job-" + f.facetName()).orElse("-"),
                    p.jobCommitted().isPresent()
                            ? Long.toString(p.jobCommitted().getAsLong())
                            : "-",
                    lag.isPresent() ? Long.toString(lag.getAsLong()) : "-");
        }
        return table.render();
    }

    private static String ids(List<Integer> ids) {
        return ids.isEmpty() ? "-" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
