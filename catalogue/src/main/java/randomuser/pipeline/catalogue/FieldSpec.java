package randomuser.pipeline.catalogue;

import java.util.Arrays;
import java.util.List;

/**
 * One leaf field of a facet value, addressed by its dotted path (the API's own names and nesting,
 * e.g. {@code location.coordinates.latitude}).
 *
 * @param path     dotted path of the leaf inside the facet value
 * @param type     normalised type
 * @param nullable whether null is a legal value (e.g. {@code id.value} for IR, NZ, TR, UA)
 */
public record FieldSpec(String path, FieldType type, boolean nullable) {

    public static FieldSpec required(String path, FieldType type) {
        return new FieldSpec(path, type, false);
    }

    public static FieldSpec nullable(String path, FieldType type) {
        return new FieldSpec(path, type, true);
    }

    /** The path split into its segments: {@code "name.first"} gives {@code ["name", "first"]}. */
    public List<String> segments() {
        return Arrays.asList(path.split("\\."));
    }

    /** The first segment, i.e. the API's top-level user field this leaf comes from. */
    public String topLevelField() {
        return segments().get(0);
    }
}
