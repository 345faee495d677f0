package randomuser.pipeline.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransliteratorTest {

    @Test
    void emailDropsAccentsAndSpacesAndLowerCases() {
        assertEquals("jennie.nichols@example.com", Transliterator.email("Jennie", "Nichols"));
        assertEquals("joseluis.garcia@example.com", Transliterator.email("José Luis", "García"));
        assertEquals("anders.strom@example.com", Transliterator.email("Anders", "Strøm"));
        assertEquals("andela.ilic@example.com", Transliterator.email("Anđela", "Ilić"));
        assertEquals("lars.vandenbrand@example.com", Transliterator.email("Lars", "Van den Brand"));
    }

    @Test
    void romanisesPersianAndCyrillic() {
        // the live example: Persian short vowels are not written
        assertEquals("smanh.njty@example.com", Transliterator.email("سمانه", "نجتی"));
        assertEquals("serhii.shevchenko@example.com", Transliterator.email("Сергій", "Шевченко"));
    }
}
