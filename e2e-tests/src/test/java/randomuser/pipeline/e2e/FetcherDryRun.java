package randomuser.pipeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.catalogue.Facet;

/**
 * The fetcher jar run as a user runs it, with {@code --dry-run}: the records it would produce for a seed,
 * read from its stdout ({@code {"topic","key","value"}} per line). With the same seed, results, pages and
 * nationalities as a DAG run, against the same API, these are exactly the users that run produced.
 */
final class FetcherDryRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 3;

    private final Path fetcherJar;
    private final String apiUrl;
    private final Path workDir;

    FetcherDryRun(Path fetcherJar, String apiUrl, Path workDir) {
        this.fetcherJar = fetcherJar;
        this.apiUrl = apiUrl;
        this.workDir = workDir;
    }

    /** The records by facet, then by key (user id), in the order the fetcher wrote them. */
    Map<Facet, Map<String, JsonNode>> records(int results, int pages, String seed, List<String> nat)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(fetcherJar)) {
            throw new IllegalStateException("no fetcher jar at " + fetcherJar + " (LocalStack builds it with Airflow's"
                    + " install steps; or `mvn -B -q -pl fetcher -am install -DskipTests`)");
        }
        Files.createDirectories(workDir);
        Path stdout = workDir.resolve("dry-run-" + seed + ".jsonl");
        Path stderr = workDir.resolve("dry-run-" + seed + ".stderr.txt");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", fetcherJar.toString(), "--dry-run",
                "--api-url", apiUrl, "--results", Integer.toString(results), "--pages", Integer.toString(pages),
                "--seed", seed, "--run-id", "dry-run-" + seed));
        if (!nat.isEmpty()) {
            command.addAll(List.of("--nat", String.join(",", nat)));
        }
        System.out.println("dry run: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the fetcher's dry run did not end within " + TIMEOUT_MINUTES + " minutes; "
                    + "its stderr: " + tail(stderr));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the fetcher's dry run exited " + process.exitValue() + ": " + tail(stderr));
        }
        System.out.println("dry run: " + lastLine(stderr));
        return parse(stdout);
    }

    private static Map<Facet, Map<String, JsonNode>> parse(Path stdout) throws IOException {
        Map<Facet, Map<String, JsonNode>> byFacet = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            byFacet.put(facet, new LinkedHashMap<>());
        }
        try (Stream<String> lines = Files.lines(stdout)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                JsonNode record = readTree(line);
                String topic = record.path("topic").asText();
                Facet facet = Facet.byTopic(topic)
                        .orElseThrow(() -> new IllegalStateException("dry-run record on an unknown topic: " + line));
                JsonNode previous = byFacet.get(facet).put(record.path("key").asText(), record.path("value"));
                if (previous != null) {
                    throw new IllegalStateException("the dry run produced key " + record.path("key").asText()
                            + " twice on " + topic);
                }
            });
        }
        return byFacet;
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a dry-run line that is not JSON: " + line, e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
