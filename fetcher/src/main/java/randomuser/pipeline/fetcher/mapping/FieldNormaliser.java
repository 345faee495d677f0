package randomuser.pipeline.fetcher.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import randomuser.pipeline.catalogue.FieldSpec;

/**
 * Turns an API value into the catalogue's type for that field, once, so every consumer sees one type per
 * field whatever the nationality: integer postcodes become strings, coordinate strings become doubles,
 * dates become one canonical ISO-8601 UTC form, and a JSON null stays null where the field is nullable
 * ({@code id.value}), never the string "null". Anything else is rejected with the reason.
 */
public final class FieldNormaliser {

    /** The API's own date form (milliseconds, Z), used for every timestamp the fetcher writes. */
    public static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,18}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public JsonNode normalise(FieldSpec spec, JsonNode raw) throws InvalidFieldException {
        if (raw == null || raw.isMissingNode() || raw.isNull()) {
            if (spec.nullable()) {
                return NullNode.getInstance();
            }
            throw new InvalidFieldException(spec.path(), raw == null || raw.isMissingNode() ? "is missing" : "is null");
        }
        return switch (spec.type()) {
            case STRING -> string(spec, raw);
            case INTEGER -> integer(spec, raw);
            case DOUBLE -> decimal(spec, raw);
            case TIMESTAMP -> timestamp(spec, raw);
        };
    }

    private static JsonNode string(FieldSpec spec, JsonNode raw) throws InvalidFieldException {
        if (raw.isTextual()) {
            return raw;
        }
        // Postcodes are JSON integers for most nationalities and strings for others (GB, CA, NO, NL).
        if (raw.isIntegralNumber()) {
            return NODES.textNode(raw.bigIntegerValue().toString());
        }
        throw wrongType(spec, raw);
    }

    private static JsonNode integer(FieldSpec spec, JsonNode raw) throws InvalidFieldException {
        if (raw.isIntegralNumber() && raw.canConvertToLong()) {
            return raw.canConvertToInt() ? NODES.numberNode(raw.intValue()) : NODES.numberNode(raw.longValue());
        }
        if (raw.isTextual() && INTEGER_TEXT.matcher(raw.asText().trim()).matches()) {
            long value = Long.parseLong(raw.asText().trim());
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        throw wrongType(spec, raw);
    }

    private static JsonNode decimal(FieldSpec spec, JsonNode raw) throws InvalidFieldException {
        double value;
        if (raw.isNumber()) {
            value = raw.doubleValue();
        } else if (raw.isTextual()) {
            // Coordinates arrive as strings with four decimals ("-69.8246").
            try {
                value = Double.parseDouble(raw.asText().trim());
            } catch (NumberFormatException e) {
                throw wrongType(spec, raw);
            }
        } else {
            throw wrongType(spec, raw);
        }
        if (!Double.isFinite(value)) {
            throw wrongType(spec, raw);
        }
        return NODES.numberNode(value);
    }

    private static JsonNode timestamp(FieldSpec spec, JsonNode raw) throws InvalidFieldException {
        if (!raw.isTextual()) {
            throw wrongType(spec, raw);
        }
        // The API sends its dates in this form already; parsing and formatting them again took an eighth of the
        // fetcher's mapping time.
        if (isIsoMillis(raw.asText())) {
            return raw;
        }
        return NODES.textNode(ISO_MILLIS.format(parseInstant(spec, raw)));
    }

    /** Whether the text is a valid date-time exactly as {@link #ISO_MILLIS} writes it: what it would become. */
    static boolean isIsoMillis(String text) {
        if (text.length() != 24
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int millis = digits(text, 20, 23);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
            LocalTime.of(hour, minute, second);
            return true;
        } catch (DateTimeException outOfRange) {
            return false;
        }
    }

    /** The decimal number of the ASCII digits from {@code start} to {@code end}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant parseInstant(FieldSpec spec, JsonNode raw) throws InvalidFieldException {
        String text = raw.asText().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notZulu) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(spec.path(), "is not an ISO-8601 date-time: " + raw);
            }
        }
    }

    private static InvalidFieldException wrongType(FieldSpec spec, JsonNode raw) {
        String shown = raw.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "...";
        }
        return new InvalidFieldException(
                spec.path(), "is not a valid " + spec.type().name().toLowerCase() + ": " + shown);
    }
}
