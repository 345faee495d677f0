package randomuser.pipeline.fetcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ApiUrlsTest {

    @Test
    void pinsTheVersionInThePathAndPassesEveryParameter() {
        PageQuery query = new UserQuery(
                        ApiVersion.V1_4,
                        5000,
                        Optional.of("abc"),
                        List.of("GB", "FR"),
                        Optional.empty(),
                        List.of("name", "login"),
                        List.of("nat"))
                .forPage(3);
        assertEquals(
                "https://randomuser.me/api/1.4/?results=5000&page=3&seed=abc&nat=GB,FR&inc=name,login&exc=nat",
                ApiUrls.pageUrl(HttpUrl.get("https://randomuser.me"), query).toString());
    }

    @Test
    void keepsABasePathAndOmitsUnsetParameters() {
        PageQuery query = new UserQuery(
                        ApiVersion.V1_3, 10, Optional.empty(), List.of(), Optional.of("female"), List.of(), List.of())
                .forPage(1);
        assertEquals(
                "http://127.0.0.1:18080/proxy/api/1.3/?results=10&page=1&gender=female",
                ApiUrls.pageUrl(HttpUrl.get("http://127.0.0.1:18080/proxy/"), query)
                        .toString());
    }
}
