package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.ComponentStatus;

class TablesTest {
    @Test
    void alignsColumnsAndTrimsLineEnds() {
        String table = new TextTable("NAME", "PORT", "NOTE").row("kafka-1", "19092", "").row("mongodb", "27017", "ok").render();
        assertEquals("NAME     PORT   NOTE\nkafka-1  19092\nmongodb  27017  ok\n", table);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("only one"));
    }

    @Test
    void statusShowsPidMemoryAndTheTotal() {
        String table = Tables.status(List.of(
                new ComponentStatus("kafka-1", true, "in cluster", OptionalLong.of(42), 340 * 1024),
                new ComponentStatus("mongodb", false, "ping failed", OptionalLong.empty(), 0),
                new ComponentStatus("spark-master", true, "ALIVE", OptionalLong.of(7), 190 * 1024 + 600)));
        assertEquals(String.join("\n",
                "COMPONENT     STATE  PID  RSS      EVIDENCE",
                "kafka-1       up     42   340 MiB  in cluster",
                "mongodb       down   -    -        ping failed",
                "spark-master  up     7    191 MiB  ALIVE",
                "total                     531 MiB  resident memory of the processes above and their children",
                ""), table);
    }
}
