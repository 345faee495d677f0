package randomuser.pipeline.fetcher.run;

import randomuser.pipeline.fetcher.api.FetchedPage;
import randomuser.pipeline.fetcher.api.PageFetchException;

/** Pages 1..{@link #pages()} of a run: from the API, or from a saved response. Called from several threads. */
public interface PageSource {

    int pages();

    FetchedPage fetch(int page) throws PageFetchException, InterruptedException;
}
