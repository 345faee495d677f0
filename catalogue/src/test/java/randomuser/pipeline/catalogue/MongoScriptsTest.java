package randomuser.pipeline.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * mongosh scripts cannot read the catalogue, so mongo/mongo-init.js and mongo/queries.js name the database and
 * the collections themselves; read here as written, they must be the catalogue's, in its order.
 */
class MongoScriptsTest {
    private static final Path MONGO = Path.of("..", "mongo");

    private static String constant(String source, String name, String script) {
        Matcher matcher =
                Pattern.compile("(?m)^\\s*const " + name + " = ([^;]+);$").matcher(source);
        assertTrue(matcher.find(), name + " in " + script);
        return matcher.group(1);
    }

    private static List<String> quoted(String text) {
        return Pattern.compile("'([^']*)'")
                .matcher(text)
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo-init.js", "queries.js"})
    void theScriptNamesTheCataloguesDatabaseAndCollections(String script) throws IOException {
        String source = Files.readString(MONGO.resolve(script));

        assertEquals(
                Arrays.stream(Facet.values()).map(Facet::collection).toList(),
                quoted(constant(source, "FACET_COLLECTIONS", script)));
        assertEquals(List.of(Facet.DEAD_LETTERS_COLLECTION), quoted(constant(source, "DEAD_LETTERS", script)));
        List<String> database = quoted(constant(source, "DATABASE", script));
        assertEquals(Facet.DATABASE, database.get(database.size() - 1), "the default database of " + script);
    }
}
