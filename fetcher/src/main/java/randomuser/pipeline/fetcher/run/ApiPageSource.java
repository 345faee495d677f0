package randomuser.pipeline.fetcher.run;

import randomuser.pipeline.fetcher.api.FetchedPage;
import randomuser.pipeline.fetcher.api.PageFetchException;
import randomuser.pipeline.fetcher.api.PageFetcher;

/** Pages fetched from the API, one request (plus retries) per page. */
public final class ApiPageSource implements PageSource {

    private final FetchConfig config;
    private final PageFetcher fetcher;

    public ApiPageSource(FetchConfig config, PageFetcher fetcher) {
        this.config = config;
        this.fetcher = fetcher;
    }

    @Override
    public int pages() {
        return config.pages();
    }

    @Override
    public FetchedPage fetch(int page) throws PageFetchException, InterruptedException {
        return fetcher.fetch(config.queryFor(page));
    }
}
