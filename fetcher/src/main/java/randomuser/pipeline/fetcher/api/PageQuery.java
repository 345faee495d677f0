package randomuser.pipeline.fetcher.api;

/**
 * The parameters of one API request: {@code GET {api}/api/{version}/?results=..&page=..&seed=..&nat=..}, that is
 * the run's query and the page number.
 */
public record PageQuery(UserQuery users, int page) {}
