package randomuser.pipeline.fetcher.mapping;

import randomuser.pipeline.catalogue.Facet;

/**
 * One record to produce: a facet of one user, keyed by its {@code login.uuid}.
 *
 * @param value the facet's value as UTF-8 JSON, the bytes every sink writes as they are
 */
public record FacetRecord(Facet facet, String key, byte[] value) {}
