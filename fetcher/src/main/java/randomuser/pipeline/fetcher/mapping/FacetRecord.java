package randomuser.pipeline.fetcher.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import randomuser.pipeline.catalogue.Facet;

/** One record to produce: a facet of one user, keyed by its {@code login.uuid}. */
public record FacetRecord(Facet facet, String key, ObjectNode value) {
}
