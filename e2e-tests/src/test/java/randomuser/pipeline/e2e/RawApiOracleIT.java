package randomuser.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.mainjob.BackfillRequest;

/**
 * An oracle independent of the fetcher: a seeded {@code randomuser_backfill} run through Airflow, then every stored
 * document of every user compared, field by field, with the raw API response for the same seed and pages, read
 * over HTTP and mapped by this test alone from the data contract in the README (facet fields under their API
 * names; postcodes as strings, coordinates as numbers, dates as BSON dates, {@code id.value} null where the API
 * gives null; no other field than the envelope and {@code _ingest}). A mapping bug in the fetcher shows up here,
 * where a comparison with the fetcher's own {@code --dry-run} output would carry it on both sides.
 */
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class RawApiOracleIT {
    private static final int RESULTS = 100;
    private static final int PAGES = 2;
    private static final int USERS = RESULTS * PAGES;
    private static final String API_VERSION = "1.4";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOCUMENTS_STALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DOCUMENTS_TIMEOUT = Duration.ofMinutes(15);
    /** What every document holds besides its facet's fields (README, "Data contract"). */
    private static final Set<String> ENVELOPE_AND_LINEAGE =
            Set.of("_id", "user_id", "fetched_at", "run_id", "source", "schema_version", "_ingest");

    private static final int SHOWN_DIFFERENCES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStoredDocumentIsTheRawApiUserMappedByTheDataContract() throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().all());
        String seed = "oracle-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, RawUser> rawUsers = rawUsers(stack.emulatorUrl(), seed);
        assertEquals(USERS, rawUsers.size(), "distinct login.uuid in the raw pages");

        try (ScheduledIngestPause pause = ScheduledIngestPause.pause(stack);
                FacetCollections mongo = new FacetCollections(stack.mongoUri())) {
            try {
                BackfillRuns runs = new BackfillRuns(stack.airflowClient());
                runs.requireActive();
                String runId = runs.trigger(new BackfillRequest(RESULTS, PAGES, seed, List.of(), "any").conf());
                runs.awaitSuccess(runId, RUN_TIMEOUT);
                Map<Facet, Long> counts =
                        mongo.awaitCountsOfRun(runId, USERS, DOCUMENTS_STALL_TIMEOUT, DOCUMENTS_TIMEOUT);
                Map<Facet, Long> expectedCounts = new EnumMap<>(Facet.class);
                for (Facet facet : Facet.values()) {
                    expectedCounts.put(facet, (long) USERS);
                }
                assertEquals(expectedCounts, counts, "documents of run " + runId + " per collection");

                List<String> differences = new ArrayList<>();
                int compared = 0;
                for (RawUser user : rawUsers.values()) {
                    Map<Facet, Document> expected = mappedByTheContract(user, seed, runId);
                    for (Facet facet : Facet.values()) {
                        differences.addAll(differences(facet, expected.get(facet), mongo.byId(facet, user.uuid())));
                        compared++;
                    }
                }
                assertEquals(
                        List.of(),
                        differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size())),
                        differences.size() + " differences between stored documents and the raw API users");
                System.out.println(compared + " stored documents equal the raw API users of seed " + seed
                        + " mapped by the data contract");
            } finally {
                mongo.deleteUsers(rawUsers.keySet());
            }
        }
    }

    /** One user of a raw API page, and the page it came on. */
    private record RawUser(JsonNode json, int page) {
        String uuid() {
            return json.path("login").path("uuid").asText();
        }
    }

    /** The raw pages, as the API serves them to anyone asking with the same seed. */
    private static Map<String, RawUser> rawUsers(String apiUrl, String seed) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, RawUser> users = new LinkedHashMap<>();
        for (int page = 1; page <= PAGES; page++) {
            URI uri = URI.create(
                    apiUrl + "/api/" + API_VERSION + "/?results=" + RESULTS + "&page=" + page + "&seed=" + seed);
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET " + uri + ": " + response.body());
            for (JsonNode user : JSON.readTree(response.body()).path("results")) {
                RawUser raw = new RawUser(user, page);
                users.put(raw.uuid(), raw);
            }
        }
        return users;
    }

    /** The six documents the README's data contract makes of one raw user (the test's own reading of it). */
    private static Map<Facet, Document> mappedByTheContract(RawUser raw, String seed, String runId) {
        JsonNode user = raw.json();
        Map<Facet, Document> facets = new EnumMap<>(Facet.class);
        facets.put(
                Facet.PROFILE,
                new Document()
                        .append("gender", user.path("gender").asText())
                        .append("name", texts(user.path("name"), "title", "first", "last"))
                        .append("dob", dateAndAge(user.path("dob")))
                        .append("nat", user.path("nat").asText()));
        JsonNode location = user.path("location");
        facets.put(
                Facet.LOCATION,
                new Document(
                        "location",
                        new Document()
                                .append(
                                        "street",
                                        new Document(
                                                        "number",
                                                        location.path("street")
                                                                .path("number")
                                                                .intValue())
                                                .append(
                                                        "name",
                                                        location.path("street")
                                                                .path("name")
                                                                .asText()))
                                .append("city", location.path("city").asText())
                                .append("state", location.path("state").asText())
                                .append("country", location.path("country").asText())
                                // Numbers for some nationalities, text for others: always text once stored.
                                .append("postcode", location.path("postcode").asText())
                                // Text in the API: numbers once stored.
                                .append(
                                        "coordinates",
                                        new Document(
                                                        "latitude",
                                                        Double.parseDouble(location.path("coordinates")
                                                                .path("latitude")
                                                                .asText()))
                                                .append(
                                                        "longitude",
                                                        Double.parseDouble(location.path("coordinates")
                                                                .path("longitude")
                                                                .asText())))
                                .append("timezone", texts(location.path("timezone"), "offset", "description"))));
        facets.put(
                Facet.CONTACT,
                new Document()
                        .append("email", user.path("email").asText())
                        .append("phone", user.path("phone").asText())
                        .append("cell", user.path("cell").asText()));
        facets.put(
                Facet.ACCOUNT,
                new Document()
                        .append("login", texts(user.path("login"), "uuid", "username"))
                        .append("registered", dateAndAge(user.path("registered"))));
        JsonNode id = user.path("id");
        facets.put(
                Facet.IDENTITY,
                new Document()
                        .append(
                                "id",
                                new Document("name", id.path("name").asText())
                                        .append(
                                                "value",
                                                id.path("value").isNull()
                                                        ? null
                                                        : id.path("value").asText()))
                        .append("nat", user.path("nat").asText()));
        facets.put(Facet.PICTURE, new Document("picture", texts(user.path("picture"), "large", "medium", "thumbnail")));

        Document source =
                new Document("api_version", API_VERSION).append("seed", seed).append("page", raw.page());
        for (Document document : facets.values()) {
            document.append("_id", raw.uuid())
                    .append("user_id", raw.uuid())
                    .append("run_id", runId)
                    .append("source", source);
        }
        return facets;
    }

    private static Document texts(JsonNode object, String... fields) {
        Document document = new Document();
        for (String field : fields) {
            document.append(field, object.path(field).asText());
        }
        return document;
    }

    private static Document dateAndAge(JsonNode object) {
        return new Document("date", Date.from(Instant.parse(object.path("date").asText())))
                .append("age", object.path("age").intValue());
    }

    /**
     * Each expected field against the stored one (Document equality: same values, same Java types, so an int stored
     * as a string or a date as text differs), and the stored document's top-level fields against the facet's and
     * the envelope's.
     */
    private static List<String> differences(Facet facet, Document expected, Document stored) {
        String where = facet.collection() + " " + expected.getString("_id");
        if (stored == null) {
            return List.of(where + ": missing");
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Object> field : expected.entrySet()) {
            Object actual = stored.get(field.getKey());
            if (!field.getValue().equals(actual) && !(field.getValue() == null && actual == null)) {
                differences.add(where + " " + field.getKey() + ": expected " + describe(field.getValue()) + ", stored "
                        + describe(actual));
            }
        }
        Set<String> allowed = new TreeSet<>(expected.keySet());
        allowed.addAll(ENVELOPE_AND_LINEAGE);
        Set<String> extra = new LinkedHashSet<>(stored.keySet());
        extra.removeAll(allowed);
        if (!extra.isEmpty()) {
            differences.add(where + ": fields outside the contract " + extra);
        }
        return differences;
    }

    private static String describe(Object value) {
        if (value instanceof Document document) {
            return document.toJson();
        }
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
