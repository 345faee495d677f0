package randomuser.pipeline.streaming;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;
import randomuser.pipeline.catalogue.FieldType;

/**
 * Turns one micro-batch of Kafka records (columns key, value, topic, partition, offset, timestamp) into
 * the documents of the facet's collection and the dead letters. Pure DataFrame code: no I/O, so it is
 * tested with static DataFrames.
 *
 * <p>A record is valid when {@link ValueValidator} accepts it and, as a second line of defence, Spark's
 * own parse of it with the catalogue schema neither fills the corrupt-record column nor leaves a
 * required field null (PERMISSIVE mode would otherwise silently turn a mismatch into nulls).
 */
public final class FacetBatchTransform {

    /** Parsed value: a struct with the catalogue's fields, timestamps already converted. */
    public static final String VALUE = "_value";
    /** Why a record is invalid; null for a valid record. */
    public static final String VIOLATION = "_violation";

    public static final String REJECTED_BY_PARSER = "value does not match the schema (rejected by the JSON parser)";

    /** True for the record that becomes its user's document: valid, and the user's highest offset. */
    public static final String LATEST = "_latest";

    private final Facet facet;
    private final StructType parseSchema;
    private final StructType valueSchema;
    private final UserDefinedFunction violationOf;

    public FacetBatchTransform(Facet facet) {
        this(facet, new StrictViolation(facet));
    }

    /** With another first-line check; lets tests exercise the parser-based second line alone. */
    FacetBatchTransform(Facet facet, UDF1<byte[], String> firstLineCheck) {
        this.facet = facet;
        this.parseSchema = FacetSchemas.parseSchema(facet);
        this.valueSchema = FacetSchemas.valueSchema(facet);
        this.violationOf = udf(firstLineCheck, DataTypes.StringType).withName("facet_violation");
    }

    public Facet facet() {
        return facet;
    }

    /**
     * The Kafka columns plus {@link #VALUE}, {@link #VIOLATION} and {@link #LATEST}. Both outputs and the
     * counts derive from this, so a caller that persists it parses and ranks each record once (the
     * ranking is the batch's only shuffle).
     */
    public Dataset<Row> classify(Dataset<Row> kafkaRecords) {
        Column parsed = from_json(col(KafkaColumns.VALUE).cast(DataTypes.StringType), parseSchema,
                Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", FacetSchemas.CORRUPT_RECORD));
        Dataset<Row> withParsed = kafkaRecords.select(
                col(KafkaColumns.KEY), col(KafkaColumns.VALUE), col(KafkaColumns.TOPIC),
                col(KafkaColumns.PARTITION), col(KafkaColumns.OFFSET), col(KafkaColumns.TIMESTAMP),
                parsed.as("_parsed"));
        Column violation = coalesce(
                violationOf.apply(col(KafkaColumns.VALUE)),
                when(col("_parsed." + FacetSchemas.CORRUPT_RECORD).isNotNull(), lit(REJECTED_BY_PARSER)),
                requiredFieldsNullAfterParsing());
        Dataset<Row> classified = withParsed.select(col(KafkaColumns.KEY), col(KafkaColumns.VALUE),
                col(KafkaColumns.TOPIC), col(KafkaColumns.PARTITION), col(KafkaColumns.OFFSET),
                col(KafkaColumns.TIMESTAMP), typedValue().as(VALUE), violation.as(VIOLATION));
        // Ranked among the same user's valid records only, so an invalid newer record (a dead letter)
        // never hides a valid older one. Invalid records share the null key and are never latest.
        Column validUser = when(col(VIOLATION).isNull(), col(VALUE + "." + Envelope.USER_ID));
        Column rank = row_number().over(Window.partitionBy(validUser)
                .orderBy(col(KafkaColumns.OFFSET).desc(), col(KafkaColumns.PARTITION).desc()));
        return classified.withColumn(LATEST, col(VIOLATION).isNull().and(rank.equalTo(1)));
    }

    /**
     * One document per user: {@code _id} = user_id, the value's fields (envelope included) and
     * {@code _ingest} lineage. Of several records for one user the one with the highest offset wins.
     */
    public Dataset<Row> documents(Dataset<Row> classified, Timestamp writtenAt) {
        Dataset<Row> latest = classified.filter(col(LATEST));
        List<Column> columns = new ArrayList<>();
        columns.add(col(VALUE + "." + Envelope.USER_ID).as("_id"));
        for (StructField field : valueSchema.fields()) {
            columns.add(col(VALUE + "." + field.name()).as(field.name()));
        }
        columns.add(struct(
                col(KafkaColumns.TOPIC).as("topic"),
                col(KafkaColumns.PARTITION).as("partition"),
                col(KafkaColumns.OFFSET).as("offset"),
                col(KafkaColumns.TIMESTAMP).as("kafka_ts"),
                col(VALUE + "." + Envelope.RUN_ID).as("run_id"),
                lit(writtenAt).as("written_at")).as("_ingest"));
        return latest.select(columns.toArray(Column[]::new));
    }

    /**
     * One dead letter per invalid record, {@code _id} = "topic:partition:offset" so that writing a
     * replayed batch again replaces rather than duplicates it.
     */
    public Dataset<Row> deadLetters(Dataset<Row> classified, Timestamp failedAt) {
        return classified
                .filter(col(VIOLATION).isNotNull())
                .select(
                        concat_ws(":", col(KafkaColumns.TOPIC), col(KafkaColumns.PARTITION), col(KafkaColumns.OFFSET))
                                .as("_id"),
                        col(KafkaColumns.TOPIC).as("topic"),
                        col(KafkaColumns.PARTITION).as("partition"),
                        col(KafkaColumns.OFFSET).as("offset"),
                        col(KafkaColumns.KEY).cast(DataTypes.StringType).as("key"),
                        col(KafkaColumns.VALUE).cast(DataTypes.StringType).as("raw_value"),
                        col(VIOLATION).as("reason"),
                        lit(failedAt).as("failed_at"));
    }

    /** Records in, documents to upsert (one per user among valid records) and dead letters, in one pass. */
    public BatchCounts count(Dataset<Row> classified) {
        Row row = classified.agg(
                functions.count(lit(1)),
                sum(when(col(LATEST), 1L).otherwise(0L)),
                sum(when(col(VIOLATION).isNotNull(), 1L).otherwise(0L))).first();
        return new BatchCounts(row.getLong(0), row.isNullAt(1) ? 0L : row.getLong(1), row.isNullAt(2) ? 0L : row.getLong(2));
    }

    /** The parsed value with the catalogue's types: timestamps (read as strings) cast to timestamps. */
    private Column typedValue() {
        List<Column> fields = new ArrayList<>();
        for (StructField field : valueSchema.fields()) {
            fields.add(col("_parsed." + field.name()).cast(field.dataType()).as(field.name()));
        }
        return struct(fields.toArray(Column[]::new));
    }

    /** "field a.b: null after parsing" for every required leaf the parse or a cast left null. */
    private Column requiredFieldsNullAfterParsing() {
        List<Column> problems = new ArrayList<>();
        for (FieldSpec field : facet.valueSchema()) {
            if (!field.nullable()) {
                Column value = col("_parsed." + field.path());
                Column typed = field.type() == FieldType.TIMESTAMP
                        ? value.cast(DataTypes.TimestampType)
                        : value;
                problems.add(when(typed.isNull(), lit("field " + field.path() + ": null after parsing")));
            }
        }
        Column joined = concat_ws("; ", problems.toArray(Column[]::new));
        return when(length(joined).gt(0), joined);
    }

    /** The production first-line check; serialisable with nothing but the facet in it. */
    private record StrictViolation(Facet facet) implements UDF1<byte[], String>, Serializable {
        @Override
        public String call(byte[] value) {
            return ValueValidator.of(facet).violation(value);
        }
    }
}
