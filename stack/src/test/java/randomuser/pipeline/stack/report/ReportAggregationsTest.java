package randomuser.pipeline.stack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.report.ReportAggregations.Aggregation;

class ReportAggregationsTest {
    private static final List<String> FACET_COLLECTIONS =
            List.of("profiles", "locations", "contacts", "accounts", "identities", "pictures");

    private static ReportAggregations projectFile() {
        return ReportAggregations.load(LocalStack.forProject().layout().reportAggregations());
    }

    @Test
    void theFieldsTheReportReadsPerCollectionAreTheOnesItsPipelinesName() {
        ReportAggregations aggregations = projectFile();
        List<Document> profiles = aggregations.all().stream()
                .filter(a -> a.collections().contains("profiles"))
                .flatMap(a -> a.pipelineFor(Optional.of("run-1")).stream())
                .toList();
        assertEquals(
                Set.of(
                        "_ingest.kafka_ts",
                        "_ingest.run_id",
                        "_ingest.written_at",
                        "dob.age",
                        "dob.date",
                        "fetched_at",
                        "gender",
                        "nat"),
                ReportAggregations.fieldsRead(profiles));
        assertEquals(
                Set.of("failed_at", "reason"),
                ReportAggregations.fieldsRead(
                        aggregations.get("dead_letters_by_reason").pipeline()));
    }

    @Test
    void fieldsReadSkipsVariablesOperatorsAndChildrenOfFieldsReadWhole() {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("nat", "GB").append("$or", List.of(new Document("dob.age", 30)))),
                new Document(
                        "$project",
                        new Document("name", "$name")
                                .append("first", "$name.first")
                                .append("now", "$$NOW")),
                new Document(
                        "$group",
                        new Document("_id", new Document("$year", "$registered.date"))
                                .append("n", new Document("$sum", 1))));
        assertEquals(Set.of("dob.age", "name", "nat", "registered.date"), ReportAggregations.fieldsRead(pipeline));
    }

    @Test
    void theProjectFileHoldsEveryFigureOfTheReportOnCollectionsOfTheCatalogue() {
        ReportAggregations aggregations = projectFile();
        assertEquals(
                List.of(
                        "users_per_run",
                        "gender",
                        "nationality",
                        "age",
                        "birth_month",
                        "documents",
                        "dead_letters_by_reason",
                        "fetch_to_visible",
                        "kafka_to_visible"),
                aggregations.all().stream().map(Aggregation::name).toList());
        Set<String> known =
                Set.of("profiles", "locations", "contacts", "accounts", "identities", "pictures", "dead_letters");
        for (Aggregation aggregation : aggregations.all()) {
            assertTrue(
                    known.containsAll(aggregation.collections()),
                    aggregation.name() + ": " + aggregation.collections());
        }
        assertEquals(FACET_COLLECTIONS, aggregations.get("documents").collections());
        assertEquals(List.of("profiles"), aggregations.get("gender").collections());
    }

    @Test
    void aRunScopedPipelineStartsWithAMatchOnTheRunOnlyWhenARunIsGiven() {
        ReportAggregations aggregations = projectFile();
        Aggregation gender = aggregations.get("gender");
        List<Document> all = gender.pipelineFor(Optional.empty());
        assertEquals(Document.parse("{$group: {_id: '$gender', users: {$sum: 1}}}"), all.get(0));
        List<Document> ofRun = gender.pipelineFor(Optional.of("manual__1"));
        assertEquals(Document.parse("{$match: {'_ingest.run_id': 'manual__1'}}"), ofRun.get(0));
        assertEquals(all, ofRun.subList(1, ofRun.size()));
        // Not run-scoped: a dead letter carries no run.
        Aggregation deadLetters = aggregations.get("dead_letters_by_reason");
        assertEquals(deadLetters.pipeline(), deadLetters.pipelineFor(Optional.of("manual__1")));
    }

    @Test
    void aFileThatIsNotJsonOrLacksAFigureIsOneClearLine(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"aggregations\": {");
        StackException notJson = assertThrows(StackException.class, () -> ReportAggregations.load(broken));
        assertTrue(
                notJson.getMessage().startsWith("the report's aggregations " + broken + " are not valid JSON: "),
                notJson.getMessage());

        Path partial = Files.writeString(
                dir.resolve("partial.json"),
                "{\"aggregations\": {\"gender\": {\"title\": \"G\", "
                        + "\"collection\": \"profiles\", \"run_scoped\": true, \"pipeline\": []}}}");
        StackException lacking = assertThrows(StackException.class, () -> ReportAggregations.load(partial));
        assertEquals(
                partial + " lacks the aggregation \"users_per_run\" (with a collection and a pipeline) that the "
                        + "report shows",
                lacking.getMessage());

        Path missing = dir.resolve("missing.json");
        StackException absent = assertThrows(StackException.class, () -> ReportAggregations.load(missing));
        assertTrue(
                absent.getMessage().startsWith("cannot read the report's aggregations " + missing + ": "),
                absent.getMessage());
    }
}
