package randomuser.pipeline.streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;
import randomuser.pipeline.catalogue.FieldType;

/**
 * Spark schemas of a facet value, built from the catalogue's dotted field paths (never written by hand).
 * Leaves keep the catalogue's order; a nested struct appears where its first leaf does.
 */
public final class FacetSchemas {

    /** Column the JSON parser fills with the raw text of a value it could not convert. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    private FacetSchemas() {
    }

    /**
     * The schema a stored document's fields have: TIMESTAMP leaves are Spark timestamps, which the
     * MongoDB connector writes as BSON dates.
     */
    public static StructType valueSchema(Facet facet) {
        return build(facet.valueSchema(), true);
    }

    /**
     * The schema {@code from_json} reads with: like {@link #valueSchema} but TIMESTAMP leaves are read as
     * strings and cast afterwards. The cast understands every ISO-8601 form whatever the session's
     * {@code timeParserPolicy}, where the JSON reader's own timestamp pattern would fail on some (for
     * example an instant without milliseconds). It ends with the {@link #CORRUPT_RECORD} column.
     */
    public static StructType parseSchema(Facet facet) {
        return build(facet.valueSchema(), false).add(CORRUPT_RECORD, DataTypes.StringType, true);
    }

    static DataType sparkType(FieldType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    private static StructType build(List<FieldSpec> fields, boolean timestampsAsTimestamps) {
        Node root = new Node();
        for (FieldSpec field : fields) {
            DataType leafType = field.type() == FieldType.TIMESTAMP && !timestampsAsTimestamps
                    ? DataTypes.StringType
                    : sparkType(field.type());
            root.add(field.segments(), leafType);
        }
        return root.toStruct();
    }

    /** A struct under construction: children by name, in first-seen order; a leaf has a type instead. */
    private static final class Node {
        private final Map<String, Node> children = new LinkedHashMap<>();
        private DataType leafType;

        void add(List<String> segments, DataType type) {
            Node child = children.computeIfAbsent(segments.get(0), name -> new Node());
            if (segments.size() == 1) {
                child.leafType = type;
            } else {
                child.add(segments.subList(1, segments.size()), type);
            }
        }

        StructType toStruct() {
            List<StructField> structFields = new ArrayList<>();
            children.forEach((name, child) -> structFields.add(
                    DataTypes.createStructField(name, child.leafType != null ? child.leafType : child.toStruct(), true)));
            return DataTypes.createStructType(structFields);
        }
    }
}
