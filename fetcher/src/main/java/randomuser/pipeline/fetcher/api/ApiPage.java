package randomuser.pipeline.fetcher.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A usable API response: its user objects as the API sent them, and its {@code info}. */
public record ApiPage(List<JsonNode> users, ApiInfo info) {
}
