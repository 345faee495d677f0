package randomuser.pipeline.fetcher.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.fetcher.cli.FetcherCli;
import randomuser.pipeline.fetcher.cli.FetcherEnvironment;

/** Runs the whole command line in memory and keeps its exit code, stdout, stderr and backoff waits. */
public final class CliRun {

    public static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public final int exitCode;
    public final String stdout;
    public final String stderr;
    public final RecordingSleeper sleeper;

    private CliRun(int exitCode, String stdout, String stderr, RecordingSleeper sleeper) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.sleeper = sleeper;
    }

    public static CliRun run(String... args) {
        return run(Map.of(), new byte[0], args);
    }

    public static CliRun run(Map<String, String> env, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecordingSleeper sleeper = new RecordingSleeper();
        FetcherEnvironment environment = new FetcherEnvironment(
                env,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                sleeper,
                Clock.fixed(NOW, ZoneOffset.UTC));
        int code = new FetcherCli(environment).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), sleeper);
    }

    public List<String> stderrLines() {
        return lines(stderr);
    }

    /** Dry-run output, one parsed {@code {"topic","key","value"}} object per line. */
    public List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines(stdout)) {
            try {
                records.add(MAPPER.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("stdout line is not JSON: " + line, e);
            }
        }
        return records;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stderr\n" + stderr;
    }
}
