package randomuser.pipeline.stack.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.topics.PeekedRecord;
import randomuser.pipeline.stack.topics.TopicInspector;

@Command(
        name = "peek",
        description = "The last records of a topic (over all its partitions, by timestamp), or the last "
                + "records with one key: partition, offset, timestamp, key and the value as pretty JSON. Read-only: no consumer "
                + "group, nothing committed.")
final class PeekCommand implements Callable<Integer> {
    static final int MAX_RECORDS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "TOPIC",
            description = "The topic, e.g. randomuser.profiles (./pipeline topics lists them).")
    String topic;

    @Option(
            names = {"-n", "--records"},
            paramLabel = "N",
            defaultValue = "5",
            description = "How many records, 1 to " + MAX_RECORDS + " (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--key", paramLabel = "K", description = "Only records with this key (a user's login.uuid).")
    String key;

    @Override
    public Integer call() {
        if (records < 1 || records > MAX_RECORDS) {
            throw new ParameterException(
                    spec.commandLine(), "-n must be between 1 and " + MAX_RECORDS + ", got " + records);
        }
        List<PeekedRecord> found;
        try (TopicInspector inspector =
                new TopicInspector(LocalStack.forProject().bootstrapServers())) {
            found = inspector.peek(topic, records, key);
        }
        spec.commandLine().getOut().print(render(topic, key, found));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String render(String topic, String key, List<PeekedRecord> found) {
        StringBuilder out = new StringBuilder();
        if (found.isEmpty()) {
            out.append(key == null ? topic + " has no records\n" : topic + " has no record with key " + key + "\n");
            return out.toString();
        }
        for (PeekedRecord record : found) {
            out.append("partition ")
                    .append(record.partition())
                    .append("  offset ")
                    .append(record.offset())
                    .append("  timestamp ")
                    .append(Instant.ofEpochMilli(record.timestampMillis()))
                    .append("  key ")
                    .append(record.key() == null ? "(none)" : record.key())
                    .append('\n');
            out.append(prettyValue(record.value())).append("\n\n");
        }
        return out.toString();
    }

    /** A JSON value indented; anything else as it is, said so (a poison record must be readable too). */
    static String prettyValue(String value) {
        if (value == null) {
            return "(no value)";
        }
        try {
            JsonNode tree = JSON.readTree(value);
            if (tree != null && !tree.isMissingNode()) {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            }
        } catch (JsonProcessingException e) {
            // falls through: shown as text
        }
        return "(not JSON) " + value;
    }
}
