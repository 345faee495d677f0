package randomuser.pipeline.composecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Airflow version the local stack installs: the {@code apache-airflow==X} pin of airflow/requirements.txt. */
final class AirflowRequirements {

    private static final Pattern PIN = Pattern.compile("^apache-airflow==([0-9][0-9A-Za-z.]*)\\s*(#.*)?$");

    private AirflowRequirements() {}

    static String pinnedVersion(Path requirements) {
        List<String> lines;
        try {
            lines = Files.readAllLines(requirements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> versions = lines.stream()
                .map(String::trim)
                .map(PIN::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .toList();
        if (versions.size() != 1) {
            throw new IllegalStateException(
                    requirements + " must pin apache-airflow exactly once with ==, found " + versions);
        }
        return versions.get(0);
    }
}
