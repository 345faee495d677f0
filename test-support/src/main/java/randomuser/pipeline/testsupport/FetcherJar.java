package randomuser.pipeline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.catalogue.Facet;

/**
 * The fetcher jar run as a user runs it ({@code java -jar fetcher.jar ...}), for the tests that check what a run
 * produced. Its stdout and stderr go to files in the test's folder; a failure or a hang ends in the end of its
 * stderr; a dry run's stdout reads back as the records by facet and key. The streaming jobs' tests and the
 * end-to-end tests share it.
 */
public final class FetcherJar {
    private static final int STDERR_LINES_SHOWN = 15;

    private final Path jar;
    private final Path workDir;
    private final Duration timeout;

    public FetcherJar(Path jar, Path workDir, Duration timeout) {
        this.jar = jar;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    /** What a finished run left: its stdout file and its summary, the last line of its stderr. */
    public record Output(Path stdout, String summary) {}

    /**
     * Runs the fetcher with these JVM options and arguments; {@code name} names its output files
     * ({@code fetcher-<name>.jsonl}, {@code fetcher-<name>.stderr.txt}). Fails unless it exits 0 in time.
     */
    public Output run(String name, List<String> jvmOptions, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no fetcher jar at " + jar + ": build it with "
                    + "`mvn -B -q -pl fetcher -am install -DskipTests` (./pipeline up builds it too)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        Path stdout = workDir.resolve("fetcher-" + name + ".jsonl");
        Path stderr = workDir.resolve("fetcher-" + name + ".stderr.txt");
        System.out.println("fetcher: " + String.join(" ", command));
        try {
            Files.createDirectories(workDir);
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the fetcher (" + name + ") did not end within " + timeout.toMinutes()
                        + " minutes; its stderr ends: " + tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "the fetcher (" + name + ") exited " + process.exitValue() + ": " + tail(stderr));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the fetcher ran", e);
        }
        List<String> lines = readLines(stderr);
        String summary = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        System.out.println("fetcher: " + summary);
        return new Output(stdout, summary);
    }

    /**
     * A dry run's records ({@code {"topic","key","value"}} per line) by facet, then by key (the user id), in the
     * order the fetcher wrote them. The topics carry {@code topicPrefix}; a key twice on a topic is an error.
     */
    public static Map<Facet, Map<String, JsonNode>> dryRunRecords(Path stdout, String topicPrefix, ObjectMapper json) {
        Map<Facet, Map<String, JsonNode>> byFacet = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            byFacet.put(facet, new LinkedHashMap<>());
        }
        try (Stream<String> lines = Files.lines(stdout)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                JsonNode record = readTree(json, line);
                String topic = record.path("topic").asText();
                Facet facet = Optional.of(topic)
                        .filter(name -> name.startsWith(topicPrefix))
                        .flatMap(name -> Facet.byTopic(name.substring(topicPrefix.length())))
                        .orElseThrow(() -> new IllegalStateException("dry-run record on an unexpected topic: " + line));
                if (byFacet.get(facet).put(record.path("key").asText(), record.path("value")) != null) {
                    throw new IllegalStateException(
                            "the dry run produced key " + record.path("key").asText() + " twice on " + topic);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFacet;
    }

    private static JsonNode readTree(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a dry-run line that is not JSON: " + line, e);
        }
    }

    private static String tail(Path file) {
        List<String> lines = readLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_LINES_SHOWN), lines.size()));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
