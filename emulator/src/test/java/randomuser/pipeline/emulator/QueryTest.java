package randomuser.pipeline.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The live server's parameter sanitising, without HTTP. */
class QueryTest {

    @ParameterizedTest(name = "results={0} becomes 1")
    @ValueSource(strings = {"0", "5001", "2.5", "-1", "abc", "", "Infinity", "1e9", "NaN"})
    void resultsOutsideOneToFiveThousandOrNotIntegerBecomeOne(String results) {
        assertEquals(1, Query.parse("results=" + results).results());
    }

    @ParameterizedTest(name = "results={0} is {1}")
    @CsvSource({"1,1", "5000,5000", "17,17", "1e3,1000", "0x10,16", "' 7 ',7", "3.0,3"})
    void resultsInRangeAreKept(String results, int expected) {
        assertEquals(
                expected, Query.parse("results=" + results.replace(" ", "%20")).results());
    }

    @Test
    void resultsDefaultToOne() {
        assertEquals(1, Query.parse("").results());
        assertEquals(1, Query.parse(null).results());
    }

    @ParameterizedTest(name = "page={0} is {1}")
    @CsvSource({"3,3.0", "10000,10000.0", "0,1.0", "-1,1.0", "10001,1.0", "abc,1.0", "'',1.0", "2.5,2.5"})
    void pageFollowsNumberOrOne(String page, double expected) {
        assertEquals(expected, Query.parse("page=" + page).page());
    }

    @Test
    void lastRepeatedParameterWins() {
        Query query = Query.parse("results=5&seed=a&results=7&seed=b&nat=gb&nat=fr");
        assertEquals(7, query.results());
        assertEquals(Optional.of("b"), query.seed());
        assertEquals(List.of(Nationality.FR), query.nationalities());
    }

    @Test
    void natIsCaseInsensitiveCommaList() {
        assertEquals(
                List.of(Nationality.GB, Nationality.US),
                Query.parse("nat=gb,US").nationalities());
        assertEquals(List.of(Nationality.NL), Query.parse("nat=nL").nationalities());
    }

    @Test
    void anyUnknownNatDropsTheWholeFilter() {
        assertEquals(List.of(), Query.parse("nat=gb,xx").nationalities());
        assertEquals(List.of(), Query.parse("nat=lego").nationalities());
        // codes are not trimmed, as live: " GB" is unknown
        assertEquals(List.of(), Query.parse("nat=us,%20gb").nationalities());
        assertEquals(List.of(), Query.parse("nat=,").nationalities());
    }

    @Test
    void nationalityIsAnAliasThatNatOverrides() {
        assertEquals(List.of(Nationality.FR), Query.parse("nationality=fr").nationalities());
        assertEquals(
                List.of(Nationality.GB), Query.parse("nat=gb&nationality=fr").nationalities());
    }

    @Test
    void genderIsIgnoredWithASeed() {
        assertEquals(Optional.of("female"), Query.parse("gender=female").gender());
        assertEquals(Optional.empty(), Query.parse("gender=female&seed=x").gender());
        assertEquals(Optional.empty(), Query.parse("gender=FEMALE").gender());
        assertEquals(Optional.empty(), Query.parse("gender=other").gender());
    }

    @Test
    void malformedEscapesAreKeptAsTyped() {
        assertEquals(Optional.of("%zz"), Query.parse("seed=%zz").seed());
    }

    @Test
    void emptySeedMeansNoSeed() {
        assertEquals(Optional.empty(), Query.parse("seed=").seed());
        assertEquals(Optional.of("foo bar"), Query.parse("seed=foo+bar").seed());
    }

    @Test
    void incAndExcSelectKnownFieldsAndIgnoreOthers() {
        assertEquals(EnumSet.allOf(Field.class), Query.parse("").fields());
        assertEquals(
                EnumSet.of(Field.GENDER, Field.NAME, Field.NAT),
                Query.parse("inc=gender,name,nat").fields());
        assertEquals(
                EnumSet.of(Field.NAME, Field.NAT),
                Query.parse("inc=NAT,%20Name,bogus").fields());
        assertEquals(
                EnumSet.complementOf(EnumSet.of(Field.LOGIN)),
                Query.parse("exc=login").fields());
        assertEquals(
                EnumSet.noneOf(Field.class), Query.parse("inc=name&exc=name").fields());
        assertEquals(
                EnumSet.of(Field.GENDER),
                Query.parse("inc=gender,name&exc=name,bogus").fields());
    }

    @Test
    void noinfoIsPresenceOnly() {
        assertTrue(Query.parse("noinfo").noInfo());
        assertTrue(Query.parse("noinfo=false").noInfo());
        assertFalse(Query.parse("results=2").noInfo());
    }

    @Test
    void formatAndAliases() {
        assertEquals("json", Query.parse("").format());
        assertTrue(Query.parse("format=PrettyJSON").pretty());
        assertTrue(Query.parse("fmt=pretty").pretty());
        assertEquals("csv", Query.parse("format=CSV").format());
        assertTrue(Query.parse("dl").download());
        assertTrue(Query.parse("download=1").download());
    }

    @Test
    void eighteenCharacterSeedSelectsNationalityByItsLastTwoHexDigits() {
        assertEquals(
                List.of(Nationality.GB),
                Query.parse("seed=0123456789abcdef09&nat=fr").nationalities());
        assertEquals(
                List.of(Nationality.US), Query.parse("seed=0123456789abcdef14").nationalities());
        // index 0x15 = 21 is past the list: an ordinary seed
        assertEquals(List.of(), Query.parse("seed=0123456789abcdef15").nationalities());
        assertEquals(List.of(), Query.parse("seed=0123456789abcdefzz").nationalities());
    }

    @Test
    void builderAppliesTheSameRules() {
        Query query = Query.builder()
                .results(5001)
                .page(-3)
                .seed("s")
                .gender("male")
                .nat("gb,xx")
                .build();
        assertEquals(1, query.results());
        assertEquals(1.0, query.page());
        assertEquals(Optional.empty(), query.gender());
        assertEquals(List.of(), query.nationalities());
    }
}
