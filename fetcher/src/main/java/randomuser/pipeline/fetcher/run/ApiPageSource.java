package randomuser.pipeline.fetcher.run;

import randomuser.pipeline.fetcher.api.FetchedPage;
import randomuser.pipeline.fetcher.api.PageFetchException;
import randomuser.pipeline.fetcher.api.PageFetcher;
import randomuser.pipeline.fetcher.api.UserQuery;

/** Pages fetched from the API, one request (plus retries) per page. */
public final class ApiPageSource implements PageSource {

    private final UserQuery query;
    private final int pages;
    private final PageFetcher fetcher;

    public ApiPageSource(UserQuery query, int pages, PageFetcher fetcher) {
        this.query = query;
        this.pages = pages;
        this.fetcher = fetcher;
    }

    @Override
    public int pages() {
        return pages;
    }

    @Override
    public FetchedPage fetch(int page) throws PageFetchException, InterruptedException {
        return fetcher.fetch(query.forPage(page));
    }
}
