package randomuser.pipeline.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsNumbersTest {

    @Test
    void parsesLikeJavaScriptNumber() {
        assertEquals(0.0, JsNumbers.parse(""));
        assertEquals(0.0, JsNumbers.parse("   "));
        assertEquals(12.0, JsNumbers.parse(" 12 "));
        assertEquals(0.5, JsNumbers.parse(".5"));
        assertEquals(5.0, JsNumbers.parse("5."));
        assertEquals(255.0, JsNumbers.parse("0xff"));
        assertEquals(1000.0, JsNumbers.parse("1e3"));
        assertTrue(Double.isNaN(JsNumbers.parse("12abc")));
        assertTrue(Double.isNaN(JsNumbers.parse("1d")));
        assertTrue(Double.isNaN(JsNumbers.parse("NaN")));
        assertTrue(Double.isInfinite(JsNumbers.parse("-Infinity")));
    }

    @Test
    void printsLikeJavaScriptString() {
        assertEquals("2", JsNumbers.toString(2.0));
        assertEquals("2.5", JsNumbers.toString(2.5));
        assertEquals("0.0001", JsNumbers.toString(0.0001));
        assertEquals("1e-7", JsNumbers.toString(1e-7));
    }
}
