package randomuser.pipeline.fetcher.api;

import java.util.List;

import randomuser.pipeline.fetcher.mapping.UserLeaves;

/** A usable API response: its users, each reduced to the fields the facets read, and its {@code info}. */
public record ApiPage(List<UserLeaves> users, ApiInfo info) {}
