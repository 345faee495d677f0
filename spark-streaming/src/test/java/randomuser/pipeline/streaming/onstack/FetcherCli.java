package randomuser.pipeline.streaming.onstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;

/**
 * The fetcher jar run as a user runs it ({@code java -jar fetcher.jar}), against the stack's API emulator and
 * brokers, writing to topics under a prefix of the test's own. Its {@code --dry-run} gives the records a run
 * produces for the same seed: the expected documents.
 */
final class FetcherCli {
    /** Exact decimals: the values are re-serialised when tests produce them themselves. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final long TIMEOUT_MINUTES = 5;

    /** What one run fetches: users {@code results x pages} for a seed, under a run id. */
    record SeededUsers(String seed, int results, int pages, String runId) {
        int count() {
            return results * pages;
        }
    }

    private final LocalStack stack;
    private final Path workDir;
    private final String topicPrefix;

    FetcherCli(LocalStack stack, Path workDir, String topicPrefix) {
        this.stack = stack;
        this.workDir = workDir;
        this.topicPrefix = topicPrefix;
    }

    /** The records a run would produce, by facet, then by key (user id), in the order the fetcher wrote them. */
    Map<Facet, Map<String, JsonNode>> dryRun(SeededUsers users) {
        Path stdout = run(users, "dry-run", List.of("--dry-run"));
        Map<Facet, Map<String, JsonNode>> byFacet = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            byFacet.put(facet, new LinkedHashMap<>());
        }
        try (Stream<String> lines = Files.lines(stdout)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                JsonNode record = readTree(line);
                String topic = record.path("topic").asText();
                Facet facet = Facet.byTopic(topic.substring(topicPrefix.length()))
                        .orElseThrow(() -> new IllegalStateException("dry-run record on an unexpected topic: " + line));
                if (byFacet.get(facet).put(record.path("key").asText(), record.path("value")) != null) {
                    throw new IllegalStateException("the dry run produced key " + record.path("key").asText() + " twice");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFacet;
    }

    /** Produces the users to the six prefixed topics (created by the fetcher if missing); answers its summary line. */
    String produce(SeededUsers users) {
        run(users, "produce", List.of("--bootstrap-servers", stack.bootstrapServers(), "--kafka-timeout", "60s",
                "--partitions", "3"));
        String summary = lastLine(workDir.resolve("fetcher-produce-" + users.runId() + ".stderr.txt"));
        String expected = "users=" + users.count() + " skipped_no_uuid=0 skipped_invalid=0 records_acked="
                + users.count() * Facet.values().length + " records_failed=0";
        if (!summary.contains(expected)) {
            throw new IllegalStateException("the fetcher's summary lacks '" + expected + "': " + summary);
        }
        return summary;
    }

    /**
     * A copy of the fetcher jar, taken once per run: the fetcher's module may be rebuilt by someone else while
     * the tests run, and a JVM whose jar is rewritten under it fails with ClassNotFoundException.
     */
    private Path jar() {
        Path copy = workDir.resolve("fetcher.jar");
        if (Files.isRegularFile(copy)) {
            return copy;
        }
        Path jar = stack.layout().fetcherJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no fetcher jar at " + jar + ": build it with "
                    + "`mvn -B -q -pl fetcher -am install -DskipTests` (./pipeline up builds it too)");
        }
        try {
            Files.createDirectories(workDir);
            Path partial = workDir.resolve("fetcher.jar.part");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar, e);
        }
        return copy;
    }

    private Path run(SeededUsers users, String mode, List<String> extra) {
        Path jar = jar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--api-url", stack.emulatorUrl(), "--seed", users.seed(),
                "--results", Integer.toString(users.results()), "--pages", Integer.toString(users.pages()),
                "--run-id", users.runId(), "--topic-prefix", topicPrefix));
        command.addAll(extra);
        Path stdout = workDir.resolve("fetcher-" + mode + "-" + users.runId() + ".jsonl");
        Path stderr = workDir.resolve("fetcher-" + mode + "-" + users.runId() + ".stderr.txt");
        System.out.println("fetcher: " + String.join(" ", command));
        try {
            Files.createDirectories(workDir);
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the fetcher (" + mode + ") did not end within " + TIMEOUT_MINUTES
                        + " minutes; its stderr ends: " + tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the fetcher (" + mode + ") exited " + process.exitValue() + ": " + tail(stderr));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the fetcher ran", e);
        }
        System.out.println("fetcher: " + lastLine(stderr));
        return stdout;
    }

    /** A facet value as produced (JSON bytes). */
    static JsonNode readValue(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a produced value that is not JSON", e);
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a dry-run line that is not JSON: " + line, e);
        }
    }

    private static String lastLine(Path file) {
        List<String> lines = readLines(file);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String tail(Path file) {
        List<String> lines = readLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
