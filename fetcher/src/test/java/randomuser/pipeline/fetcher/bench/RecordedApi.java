package randomuser.pipeline.fetcher.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * Pages of the API generated once and served again from memory, for the benchmark. The real API runs on
 * other machines; an emulator generating 5,000 users a page on the benchmark's own two cores would be timed
 * as the fetcher's work. Served this way, a page costs the server a socket write, and the fetcher still does
 * all of its own: the HTTP exchange, parsing, mapping, serialising and producing. Page {@code p} of any
 * request is recorded page {@code (p - 1) mod n}, whatever the seed asked for.
 */
final class RecordedApi implements AutoCloseable {
    private final MockWebServer server;

    private RecordedApi(MockWebServer server) {
        this.server = server;
    }

    /** Records {@code pages} pages of {@code results} users from {@code api} (seeded), then serves them. */
    static RecordedApi record(String api, int results, int pages, String seed) throws IOException {
        OkHttpClient client = new OkHttpClient();
        List<byte[]> bodies = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            HttpUrl url = HttpUrl.get(api)
                    .newBuilder()
                    .addPathSegments("api/1.4/")
                    .addQueryParameter("results", Integer.toString(results))
                    .addQueryParameter("page", Integer.toString(page))
                    .addQueryParameter("seed", seed)
                    .build();
            try (Response response =
                    client.newCall(new Request.Builder().url(url).build()).execute()) {
                ResponseBody body = response.body();
                if (!response.isSuccessful() || body == null) {
                    throw new IOException("recording page " + page + ": HTTP " + response.code() + " from " + url);
                }
                bodies.add(body.bytes());
            }
        }
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String page = request.getRequestUrl() == null
                        ? null
                        : request.getRequestUrl().queryParameter("page");
                if (page == null) {
                    return new MockResponse().setResponseCode(400);
                }
                byte[] body = bodies.get((Integer.parseInt(page) - 1) % bodies.size());
                return new MockResponse()
                        .setHeader("Content-Type", "application/json; charset=utf-8")
                        .setBody(new Buffer().write(body));
            }
        });
        server.start();
        return new RecordedApi(server);
    }

    /** The base URL to give the fetcher. */
    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
