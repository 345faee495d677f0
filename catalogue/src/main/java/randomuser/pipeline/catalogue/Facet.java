package randomuser.pipeline.catalogue;

import static randomuser.pipeline.catalogue.FieldSpec.nullable;
import static randomuser.pipeline.catalogue.FieldSpec.required;
import static randomuser.pipeline.catalogue.FieldType.DOUBLE;
import static randomuser.pipeline.catalogue.FieldType.INTEGER;
import static randomuser.pipeline.catalogue.FieldType.STRING;
import static randomuser.pipeline.catalogue.FieldType.TIMESTAMP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six facets a Random User API user is split into: the single source of truth for topic names,
 * collection names and field schemas, shared by the fetcher, the streaming job, the stack and tests.
 */
public enum Facet {
    PROFILE(
            "profile",
            "randomuser.profiles",
            "profiles",
            List.of(
                    required("gender", STRING),
                    required("name.title", STRING),
                    required("name.first", STRING),
                    required("name.last", STRING),
                    required("dob.date", TIMESTAMP),
                    required("dob.age", INTEGER),
                    required("nat", STRING))),

    LOCATION(
            "location",
            "randomuser.locations",
            "locations",
            List.of(
                    required("location.street.number", INTEGER),
                    required("location.street.name", STRING),
                    required("location.city", STRING),
                    required("location.state", STRING),
                    required("location.country", STRING),
                    required("location.postcode", STRING),
                    required("location.coordinates.latitude", DOUBLE),
                    required("location.coordinates.longitude", DOUBLE),
                    required("location.timezone.offset", STRING),
                    required("location.timezone.description", STRING))),

    CONTACT(
            "contact",
            "randomuser.contacts",
            "contacts",
            List.of(required("email", STRING), required("phone", STRING), required("cell", STRING))),

    ACCOUNT(
            "account",
            "randomuser.accounts",
            "accounts",
            List.of(
                    required("login.uuid", STRING),
                    required("login.username", STRING),
                    required("registered.date", TIMESTAMP),
                    required("registered.age", INTEGER))),

    IDENTITY(
            "identity",
            "randomuser.identities",
            "identities",
            List.of(required("id.name", STRING), nullable("id.value", STRING), required("nat", STRING))),

    PICTURE(
            "picture",
            "randomuser.pictures",
            "pictures",
            List.of(
                    required("picture.large", STRING),
                    required("picture.medium", STRING),
                    required("picture.thumbnail", STRING)));

    /** The MongoDB database of every collection. */
    public static final String DATABASE = "randomuser";
    /** Collection for records a streaming job could not parse or validate. */
    public static final String DEAD_LETTERS_COLLECTION = "dead_letters";
    /** Login fields that are never produced. */
    public static final List<String> SECRET_LOGIN_FIELDS = List.of("password", "salt", "md5", "sha1", "sha256");

    private final String facetName;
    private final String topic;
    private final String collection;
    private final List<FieldSpec> fields;

    Facet(String facetName, String topic, String collection, List<FieldSpec> fields) {
        this.facetName = facetName;
        this.topic = topic;
        this.collection = collection;
        this.fields = fields;
    }

    /** Lower-case name used on command lines, e.g. {@code profile}. */
    public String facetName() {
        return facetName;
    }

    public String topic() {
        return topic;
    }

    public String collection() {
        return collection;
    }

    /** This facet's own leaf fields, by API path, without the envelope. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** Envelope fields followed by this facet's own fields: the full schema of a facet value. */
    public List<FieldSpec> valueSchema() {
        List<FieldSpec> all = new ArrayList<>(Envelope.FIELDS);
        all.addAll(fields);
        return Collections.unmodifiableList(all);
    }

    /** Distinct top-level API user fields this facet is built from, in order. */
    public List<String> topLevelFields() {
        return fields.stream().map(FieldSpec::topLevelField).distinct().toList();
    }

    public static Optional<Facet> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.facetName.equals(wanted)).findFirst();
    }

    public static Optional<Facet> byTopic(String topic) {
        return Arrays.stream(values()).filter(f -> f.topic.equals(topic)).findFirst();
    }

    public static Optional<Facet> byCollection(String collection) {
        return Arrays.stream(values())
                .filter(f -> f.collection.equals(collection))
                .findFirst();
    }

    public static List<String> topics() {
        return Arrays.stream(values()).map(Facet::topic).toList();
    }
}
