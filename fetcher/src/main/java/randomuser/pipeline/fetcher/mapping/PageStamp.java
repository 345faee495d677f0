package randomuser.pipeline.fetcher.mapping;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

    /**
     * The envelope's values by field path, every one but {@link Envelope#USER_ID}, which is each user's own key:
     * worked out once per page, as every record of the page shares them.
     */
    public Map<String, JsonNode> pageValues() {
        Map<String, JsonNode> values = new HashMap<>();
        values.put(Envelope.FETCHED_AT, NODES.textNode(FieldNormaliser.ISO_MILLIS.format(fetchedAt)));
        values.put(Envelope.RUN_ID, NODES.textNode(runId));
        values.put(Envelope.SOURCE + ".api_version", NODES.textNode(apiVersion));
        values.put(
                Envelope.SOURCE + ".seed", seed.<JsonNode>map(NODES::textNode).orElse(NODES.nullNode()));
        values.put(Envelope.SOURCE + ".page", NODES.numberNode(page));
        values.put(Envelope.SCHEMA_VERSION_FIELD, NODES.numberNode(Envelope.SCHEMA_VERSION));
        for (FieldSpec field : Envelope.FIELDS) {
            if (!field.path().equals(Envelope.USER_ID) && !values.containsKey(field.path())) {
                throw new IllegalStateException("no value for envelope field " + field.path());
            }
        }
        return Map.copyOf(values);
    }
}
