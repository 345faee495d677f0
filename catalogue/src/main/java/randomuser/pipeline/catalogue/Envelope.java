package randomuser.pipeline.catalogue;

import java.util.List;

/** The envelope every facet value carries at its top level, beside its own fields. */
public final class Envelope {

    /** Bump when a facet's fields or types change incompatibly. */
    public static final int SCHEMA_VERSION = 1;

    public static final String USER_ID = "user_id";
    public static final String FETCHED_AT = "fetched_at";
    public static final String RUN_ID = "run_id";
    public static final String SOURCE = "source";
    public static final String SCHEMA_VERSION_FIELD = "schema_version";

    /** Leaf fields of the envelope. {@code source.seed} is the caller's seed or the server's {@code info.seed}. */
    public static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.required(USER_ID, FieldType.STRING),
            FieldSpec.required(FETCHED_AT, FieldType.TIMESTAMP),
            FieldSpec.required(RUN_ID, FieldType.STRING),
            FieldSpec.required("source.api_version", FieldType.STRING),
            FieldSpec.nullable("source.seed", FieldType.STRING),
            FieldSpec.required("source.page", FieldType.INTEGER),
            FieldSpec.required(SCHEMA_VERSION_FIELD, FieldType.INTEGER));

    private Envelope() {}
}
