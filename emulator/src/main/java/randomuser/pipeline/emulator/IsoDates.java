package randomuser.pipeline.emulator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Dates as the live API writes them ({@code Date.toISOString()}) and ages as it computes them. */
final class IsoDates {

    private IsoDates() {}

    /** {@code YYYY-MM-DDTHH:MM:SS.sssZ} in UTC, for years 0..9999. */
    static String format(long epochMillis) {
        LocalDateTime t = utc(epochMillis);
        char[] out = new char[24];
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        out[19] = '.';
        put(out, 20, (int) Math.floorMod(epochMillis, 1000L), 3);
        out[23] = 'Z';
        return new String(out);
    }

    /** Whole years from {@code fromMillis} to {@code toMillis} (dayjs {@code diff(..., 'years')} in UTC). */
    static int yearsBetween(long fromMillis, long toMillis) {
        return (int) ChronoUnit.YEARS.between(utc(fromMillis), utc(toMillis));
    }

    static LocalDateTime utc(long epochMillis) {
        // ofEpochSecond with an offset avoids building zone rules for every date
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(epochMillis, 1000L), (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
