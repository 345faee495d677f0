package randomuser.pipeline.fetcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.DefaultAddresses;
import randomuser.pipeline.fetcher.api.ApiVersion;

/**
 * The DAGs (Python) repeat three facts of the fetcher so that Airflow's trigger form can check a conf before a
 * run starts: the nationality codes, the page limit and the default brokers. They are read here from
 * dags/randomuser_common.py as written and must equal the fetcher's own.
 */
class DagsConstantsTest {
    private static final Path DAGS_COMMON = Path.of("..", "dags", "randomuser_common.py");

    private static String dagsCommon() throws IOException {
        return Files.readString(DAGS_COMMON);
    }

    private static String assignment(String source, String name, String valuePattern) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:: [^=]+)? = " + valuePattern + "$")
                .matcher(source);
        assertTrue(matcher.find(), name + " in " + DAGS_COMMON);
        return matcher.group(1);
    }

    @Test
    void theNationalitiesAreTheOnesTheFetchersApiVersionAccepts() throws IOException {
        String source = dagsCommon();
        Matcher dict = Pattern.compile("(?s)NATIONALITY_NAMES: dict\\[str, str] = \\{(.*?)\\n}")
                .matcher(source);
        assertTrue(dict.find(), "NATIONALITY_NAMES in " + DAGS_COMMON);
        List<String> codes = new ArrayList<>();
        Matcher entry = Pattern.compile("(?m)^\\s+\"([A-Z]{2})\": ").matcher(dict.group(1));
        while (entry.find()) {
            codes.add(entry.group(1));
        }
        assertEquals(ApiVersion.DEFAULT.nationalities(), codes);
    }

    @Test
    void thePageLimitIsTheFetchers() throws IOException {
        assertEquals(
                QueryOptions.MAX_RESULTS, Integer.parseInt(assignment(dagsCommon(), "MAX_RESULTS_PER_PAGE", "(\\d+)")));
    }

    @Test
    void theDefaultBrokersAreTheFetchers() throws IOException {
        assertEquals(
                DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS,
                assignment(dagsCommon(), "DEFAULT_BOOTSTRAP_SERVERS", "\"([^\"]+)\""));
    }
}
