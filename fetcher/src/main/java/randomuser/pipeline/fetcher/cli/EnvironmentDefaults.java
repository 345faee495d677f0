package randomuser.pipeline.fetcher.cli;

import java.util.Map;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Environment-variable fallbacks for flags, with the names every component of the project uses. A flag
 * given on the command line wins; without it the variable; without that the flag's own default.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final String API_URL_VARIABLE = "RANDOMUSER_API_URL";
    static final String BOOTSTRAP_SERVERS_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    static final String TOPIC_PREFIX_VARIABLE = "FETCHER_TOPIC_PREFIX";

    private static final Map<String, String> VARIABLE_BY_OPTION = Map.of(
            "--api-url", API_URL_VARIABLE,
            "--bootstrap-servers", BOOTSTRAP_SERVERS_VARIABLE,
            "--topic-prefix", TOPIC_PREFIX_VARIABLE);

    private final Map<String, String> variables;

    EnvironmentDefaults(Map<String, String> variables) {
        this.variables = variables;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLE_BY_OPTION.get(option.longestName());
        if (variable == null) {
            return null;
        }
        String value = variables.get(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
