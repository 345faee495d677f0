package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

class FacetSchemasTest {

    @Test
    void profileSchemaNestsTheCatalogueLeavesInOrder() {
        assertEquals("struct<user_id:string,fetched_at:timestamp,run_id:string,"
                        + "source:struct<api_version:string,seed:string,page:int>,schema_version:int,gender:string,"
                        + "name:struct<title:string,first:string,last:string>,dob:struct<date:timestamp,age:int>,"
                        + "nat:string>",
                FacetSchemas.valueSchema(Facet.PROFILE).simpleString());
    }

    @Test
    void parseSchemaReadsTimestampsAsStringsAndHasTheCorruptRecordColumn() {
        assertEquals("struct<user_id:string,fetched_at:string,run_id:string,"
                        + "source:struct<api_version:string,seed:string,page:int>,schema_version:int,"
                        + "login:struct<uuid:string,username:string>,registered:struct<date:string,age:int>,"
                        + "_corrupt_record:string>",
                FacetSchemas.parseSchema(Facet.ACCOUNT).simpleString());
    }

    @ParameterizedTest
    @EnumSource(Facet.class)
    void everyCatalogueLeafHasItsSparkTypeAtItsPath(Facet facet) {
        StructType schema = FacetSchemas.valueSchema(facet);
        List<String> expected = new ArrayList<>();
        for (FieldSpec field : facet.valueSchema()) {
            expected.add(field.path() + ":" + FacetSchemas.sparkType(field.type()).simpleString());
        }
        List<String> actual = new ArrayList<>();
        leaves(schema, "", actual);
        assertEquals(expected, actual);
    }

    @Test
    void locationNestsThreeLevelsDeep() {
        StructType location = (StructType) FacetSchemas.valueSchema(Facet.LOCATION).apply("location").dataType();
        StructType coordinates = (StructType) location.apply("coordinates").dataType();
        assertEquals(DataTypes.DoubleType, coordinates.apply("latitude").dataType());
        assertEquals(DataTypes.IntegerType, ((StructType) location.apply("street").dataType()).apply("number").dataType());
    }

    private static void leaves(StructType struct, String prefix, List<String> out) {
        for (StructField field : struct.fields()) {
            DataType type = field.dataType();
            if (type instanceof StructType nested) {
                leaves(nested, prefix + field.name() + ".", out);
            } else {
                out.add(prefix + field.name() + ":" + type.simpleString());
            }
        }
    }
}
