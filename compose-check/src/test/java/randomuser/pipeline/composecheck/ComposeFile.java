package randomuser.pipeline.composecheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One compose file as Compose sees its structure: YAML anchors, aliases and merge keys resolved,
 * {@code ${VAR}} references left as written (the env file is not part of what is checked here).
 */
final class ComposeFile {

    private final String name;
    private final String text;
    private final Map<String, Object> root;

    private ComposeFile(String name, String text, Map<String, Object> root) {
        this.name = name;
        this.text = text;
        this.root = root;
    }

    static ComposeFile load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return new ComposeFile(
                    file.getFileName().toString(), Files.readString(file), asMap(document, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    /** The file as written, for checks on references like {@code ${VAR}}. */
    String text() {
        return text;
    }

    Set<String> serviceNames() {
        return services().keySet();
    }

    Map<String, Object> service(String service) {
        Object definition = services().get(service);
        if (definition == null) {
            throw new AssertionError(name + " has no service " + service + " (it has " + serviceNames() + ")");
        }
        return asMap(definition, name + " service " + service);
    }

    String image(String service) {
        return String.valueOf(service(service).get("image"));
    }

    /** The service's environment, from either the map or the {@code KEY=value} list form; values as strings. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length == 2 ? pair[1] : "");
            }
        }
        return result;
    }

    List<String> command(String service) {
        return words(service(service).get("command"));
    }

    List<String> entrypoint(String service) {
        return words(service(service).get("entrypoint"));
    }

    List<String> ports(String service) {
        return strings(service(service).get("ports"));
    }

    List<String> healthcheckTest(String service) {
        Object healthcheck = service(service).get("healthcheck");
        return healthcheck == null
                ? List.of()
                : words(asMap(healthcheck, name + " " + service + " healthcheck")
                        .get("test"));
    }

    /** {@code depends_on} as service → condition ({@code service_started} for the short list form). */
    Map<String, String> dependsOn(String service) {
        Object dependsOn = service(service).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> list) {
            list.forEach(dependency -> result.put(String.valueOf(dependency), "service_started"));
        } else if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((dependency, options) -> result.put(
                    String.valueOf(dependency),
                    String.valueOf(asMap(options, name + " depends_on").get("condition"))));
        }
        return result;
    }

    List<Mount> mounts(String service) {
        Object volumes = service(service).get("volumes");
        List<Mount> mounts = new ArrayList<>();
        if (volumes instanceof List<?> list) {
            for (Object volume : list) {
                mounts.add(volume instanceof Map<?, ?> map ? Mount.of(map) : Mount.of(String.valueOf(volume)));
            }
        }
        return mounts;
    }

    Map<String, Object> section(String key) {
        Object section = root.get(key);
        return section == null ? Map.of() : asMap(section, name + " " + key);
    }

    private Map<String, Object> services() {
        return section("services");
    }

    static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssertionError(what + " is not a mapping: " + value);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, entry) -> result.put(String.valueOf(key), entry));
        return result;
    }

    private static List<String> words(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?>) {
            return strings(value);
        }
        return Arrays.asList(String.valueOf(value).trim().split("\\s+"));
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new AssertionError("not a list: " + value);
        }
        return list.stream().map(String::valueOf).toList();
    }

    /** A volume or bind mount of a service, from the short ({@code src:target[:ro]}) or the long syntax. */
    record Mount(String type, String source, String target, boolean readOnly) {

        static Mount of(String shortSyntax) {
            String[] parts = shortSyntax.split(":");
            String source = parts[0];
            String type = source.startsWith(".") || source.startsWith("/") ? "bind" : "volume";
            boolean readOnly = parts.length > 2 && parts[2].contains("ro");
            return new Mount(type, source, parts.length > 1 ? parts[1] : source, readOnly);
        }

        static Mount of(Map<?, ?> longSyntax) {
            return new Mount(
                    String.valueOf(longSyntax.get("type")),
                    String.valueOf(longSyntax.get("source")),
                    String.valueOf(longSyntax.get("target")),
                    Boolean.TRUE.equals(longSyntax.get("read_only")));
        }
    }
}
