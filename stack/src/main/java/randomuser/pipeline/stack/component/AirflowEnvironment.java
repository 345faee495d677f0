package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

/**
 * The environment of Airflow on the local stack ({@code airflow/run-local-airflow.sh}), rendered from
 * {@code airflow/airflow-local.env}: one {@code KEY=VALUE} per line, {@code #} comments, and two
 * placeholders: {@code ${PROJECT_ROOT}} and {@code ${STATE_DIR}} (the stack's state folder, var/ unless
 * another is set, so that Airflow's database goes with the rest of the stack's state). The file is the one
 * place these settings are written; this class adds only what depends on the machine: PATH (the venv's bin
 * first, because the script starts each part as {@code airflow <part>} looked up on PATH) and JAVA_HOME (the
 * fetcher task runs with the same Java as the rest of the stack).
 */
public final class AirflowEnvironment {
    public static final String PROJECT_ROOT = "${PROJECT_ROOT}";
    public static final String STATE_DIR = "${STATE_DIR}";
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AirflowEnvironment() {}

    public static Map<String, String> load(
            Path envFile, StackLayout layout, Path venvBin, String callerPath, String javaHome) {
        String text;
        try {
            text = Files.readString(envFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + envFile, e);
        }
        return render(
                text,
                envFile.toString(),
                Map.of(
                        PROJECT_ROOT,
                        layout.root().toString(),
                        STATE_DIR,
                        layout.stateDir().toString()),
                venvBin,
                callerPath,
                javaHome);
    }

    /**
     * @param source       the file's name, for error messages
     * @param placeholders each placeholder and the value it stands for
     * @param callerPath   the PATH of the process starting Airflow (may be null)
     */
    static Map<String, String> render(
            String text,
            String source,
            Map<String, String> placeholders,
            Path venvBin,
            String callerPath,
            String javaHome) {
        Map<String, String> env = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = source + " line " + (i + 1);
            if (eq <= 0) {
                throw new StackException(where + ": expected KEY=VALUE, got: " + line);
            }
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw new StackException(where + ": '" + key + "' is not an environment variable name");
            }
            env.put(key, substitute(line.substring(eq + 1).strip(), placeholders, where));
        }
        env.put("PATH", venvBin + (callerPath == null || callerPath.isEmpty() ? "" : ":" + callerPath));
        env.put("JAVA_HOME", javaHome);
        return env;
    }

    private static String substitute(String value, Map<String, String> placeholders, String where) {
        return ANY_PLACEHOLDER.matcher(value).replaceAll(match -> {
            String replacement = placeholders.get(match.group());
            if (replacement == null) {
                throw new StackException(where + ": unknown placeholder " + match.group() + " (only "
                        + String.join(" and ", new TreeSet<>(placeholders.keySet())) + " are replaced)");
            }
            return Matcher.quoteReplacement(replacement);
        });
    }
}
