package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class OffsetLagTest {

    @Test
    void sumsLatestMinusEndOverPartitions() {
        assertEquals(
                OptionalLong.of(45),
                OffsetLag.of(
                        "{\"randomuser.profiles\":{\"0\":100,\"1\":50,\"2\":10}}",
                        "{\"randomuser.profiles\":{\"0\":130,\"1\":50,\"2\":25}}"));
    }

    @Test
    void aPartitionNotReadYetIsBehindByAllOfIt() {
        assertEquals(OptionalLong.of(7), OffsetLag.of("{\"t\":{\"0\":5}}", "{\"t\":{\"0\":5,\"1\":7}}"));
    }

    @Test
    void unknownWithoutBothSides() {
        assertEquals(OptionalLong.empty(), OffsetLag.of(null, "{\"t\":{\"0\":5}}"));
        assertEquals(OptionalLong.empty(), OffsetLag.of("{\"t\":{\"0\":5}}", null));
        assertEquals(OptionalLong.empty(), OffsetLag.of("not json", "{\"t\":{\"0\":5}}"));
    }
}
