package randomuser.pipeline.fetcher.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * What every record of one page shares: the envelope values. The envelope is written field by field from
 * {@link Envelope#FIELDS}, so its layout lives in the catalogue only.
 *
 * @param seed the caller's seed, else the server's {@code info.seed}; empty if neither is known
 */
public record PageStamp(String runId, Instant fetchedAt, String apiVersion, Optional<String> seed, int page) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A new value object holding the envelope for one user, ready for the facet's own fields. */
    public ObjectNode envelope(String userId) {
        Map<String, JsonNode> values = new HashMap<>();
        values.put(Envelope.USER_ID, NODES.textNode(userId));
        values.put(Envelope.FETCHED_AT, NODES.textNode(FieldNormaliser.ISO_MILLIS.format(fetchedAt)));
        values.put(Envelope.RUN_ID, NODES.textNode(runId));
        values.put(Envelope.SOURCE + ".api_version", NODES.textNode(apiVersion));
        values.put(Envelope.SOURCE + ".seed", seed.<JsonNode>map(NODES::textNode).orElse(NODES.nullNode()));
        values.put(Envelope.SOURCE + ".page", NODES.numberNode(page));
        values.put(Envelope.SCHEMA_VERSION_FIELD, NODES.numberNode(Envelope.SCHEMA_VERSION));

        ObjectNode value = NODES.objectNode();
        for (FieldSpec field : Envelope.FIELDS) {
            JsonNode fieldValue = values.get(field.path());
            if (fieldValue == null) {
                throw new IllegalStateException("no value for envelope field " + field.path());
            }
            JsonPaths.put(value, field.segments(), fieldValue);
        }
        return value;
    }
}
