package randomuser.pipeline.fetcher.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/** Checks a produced facet value against the catalogue's schema, as the streaming job will parse it. */
public final class SchemaCheck {

    private SchemaCheck() {}

    /** Every way the value differs from {@code facet.valueSchema()}; empty when it conforms. */
    public static List<String> problems(Facet facet, JsonNode value) {
        List<String> problems = new ArrayList<>();
        List<String> expectedPaths =
                facet.valueSchema().stream().map(FieldSpec::path).toList();
        if (!expectedPaths.equals(JsonLeaves.paths(value))) {
            problems.add("leaves " + JsonLeaves.paths(value) + " instead of " + expectedPaths);
        }
        for (FieldSpec field : facet.valueSchema()) {
            JsonNode node = value.at("/" + String.join("/", field.segments()));
            if (node.isMissingNode()) {
                problems.add(field.path() + " missing");
            } else if (node.isNull()) {
                if (!field.nullable()) {
                    problems.add(field.path() + " null");
                }
            } else if (!hasType(field, node)) {
                problems.add(field.path() + " is not " + field.type() + ": " + node);
            }
        }
        return problems;
    }

    private static boolean hasType(FieldSpec field, JsonNode node) {
        return switch (field.type()) {
            case STRING -> node.isTextual();
            case INTEGER -> node.isInt() || node.isLong();
            case DOUBLE -> node.isDouble();
            case TIMESTAMP -> node.isTextual() && parses(node.asText());
        };
    }

    private static boolean parses(String text) {
        try {
            Instant.parse(text);
            return text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
