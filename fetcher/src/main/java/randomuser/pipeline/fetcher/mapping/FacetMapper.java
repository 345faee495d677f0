package randomuser.pipeline.fetcher.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;
import randomuser.pipeline.fetcher.mapping.ValueLayout.Group;
import randomuser.pipeline.fetcher.mapping.ValueLayout.Leaf;
import randomuser.pipeline.fetcher.mapping.ValueLayout.Member;

/**
 * Splits one API user into its facet records, driven by the catalogue's field lists: each value holds
 * the envelope plus the facet's fields under the API's own names and nesting, normalised to the
 * catalogue's types. Only catalogue fields are copied, so login secrets can never reach a record.
 *
 * <p>Facets and {@code inc}/{@code exc}: a top-level field absent from the user (not requested) is
 * left out of its facets; a facet none of whose top-level fields is present is not produced; a facet
 * with some of them present is produced with just those fields (absent, not null: null keeps its
 * meaning of "the API said null"). A field that was requested but is absent, or whose value cannot be
 * normalised, makes the whole user invalid, so a user is either produced completely or not at all.
 *
 * <p>Thread-safe: pages can be mapped at once, each through its own {@link PageMapping}.
 */
public final class FacetMapper {

    /** Makes the generators that write the values: thread-safe, with the same defaults as an ObjectMapper's. */
    private static final JsonFactory JSON = new JsonFactory();

    private static final int KEY_INDEX = UserLeaves.indexOf(UserFields.KEY);

    private final FieldNormaliser normaliser = new FieldNormaliser();
    private final Optional<Set<String>> requestedFields;
    /** Each facet's value shape, worked out once instead of once per user. */
    private final List<ValueLayout> layouts =
            Arrays.stream(Facet.values()).map(ValueLayout::of).toList();

    /**
     * @param requestedFields the top-level fields the request asked for, which must all be present; empty
     *                        when unknown (a saved response), then whatever is present is used
     */
    public FacetMapper(Optional<Set<String>> requestedFields) {
        this.requestedFields = requestedFields;
        for (Facet facet : Facet.values()) {
            for (FieldSpec field : facet.fields()) {
                for (String secret : Facet.SECRET_LOGIN_FIELDS) {
                    if (field.path().equals("login." + secret)) {
                        throw new IllegalStateException("the catalogue lists the secret " + field.path());
                    }
                }
            }
        }
    }

    /** Maps one user; {@link #forPage} maps the many users of one page with the envelope worked out once. */
    public UserMapping map(JsonNode user, PageStamp stamp) {
        return forPage(stamp).map(UserLeaves.of(user));
    }

    public PageMapping forPage(PageStamp stamp) {
        return new PageMapping(stamp.pageValues());
    }

    /**
     * Maps the users of one page. Not thread-safe: it writes every record of the page through one generator into
     * one buffer, flushing after each piece and copying the piece out.
     */
    public final class PageMapping {

        private final ByteArrayBuilder buffer = new ByteArrayBuilder(2048);
        /** Replaced when a user turns out invalid halfway through a value: it is then inside an unfinished object. */
        private JsonGenerator out = newGenerator(buffer);
        /** The page's envelope up to its user id, the one envelope value that differs from user to user. */
        private final byte[] envelopeBeforeUserId;
        /** The page's envelope after its user id, up to and with its closing brace. */
        private final byte[] envelopeAfterUserId;

        private PageMapping(Map<String, JsonNode> pageValues) {
            try {
                int[] userIdSpan = {-1, -1};
                out.writeStartObject();
                for (Member member : ValueLayout.ENVELOPE) {
                    writeEnvelopeMember(member, pageValues, userIdSpan);
                }
                out.writeEndObject();
                out.flush();
                byte[] envelope = buffer.toByteArray();
                if (userIdSpan[0] < 0) {
                    throw new IllegalStateException("the envelope has no " + Envelope.USER_ID);
                }
                envelopeBeforeUserId = Arrays.copyOfRange(envelope, 0, userIdSpan[0]);
                envelopeAfterUserId = Arrays.copyOfRange(envelope, userIdSpan[1], envelope.length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a record into memory", e);
            }
        }

        public UserMapping map(UserLeaves user) {
            if (!user.isObject()) {
                return new UserMapping.Unkeyed("the result is not a JSON object");
            }
            JsonNode key = user.leaf(KEY_INDEX);
            if (key == null || !key.isTextual() || key.asText().isBlank()) {
                return new UserMapping.Unkeyed("no " + UserFields.KEY.path() + " (" + describe(key) + ")");
            }
            String userId = key.asText();
            if (requestedFields.isPresent()) {
                for (String field : requestedFields.get()) {
                    if (!user.has(field)) {
                        return new UserMapping.Invalid(userId, field + " was requested but is missing");
                    }
                }
            }
            byte[] envelope = envelopeOf(userId);
            List<FacetRecord> records = new ArrayList<>(layouts.size());
            for (ValueLayout layout : layouts) {
                if (!layout.hasAnyField(user)) {
                    continue;
                }
                try {
                    records.add(new FacetRecord(layout.facet(), userId, writeValue(envelope, layout, user)));
                } catch (InvalidFieldException e) {
                    return new UserMapping.Invalid(userId, e.getMessage());
                }
            }
            return new UserMapping.Mapped(userId, List.copyOf(records));
        }

        /** The user's envelope as a JSON object, which the user's values all start with. */
        private byte[] envelopeOf(String userId) {
            buffer.reset();
            buffer.write(envelopeBeforeUserId);
            try {
                out.writeString(userId);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a record into memory", e);
            }
            buffer.write(envelopeAfterUserId);
            return buffer.toByteArray();
        }

        /**
         * The facet's value as JSON bytes: the envelope's members, then each of the facet's fields whose top-level
         * API field the user has. The envelope's bytes are copied in without their closing brace and the fields
         * are written after them as an object of their own, whose opening brace then becomes the comma between.
         */
        private byte[] writeValue(byte[] envelope, ValueLayout layout, UserLeaves user) throws InvalidFieldException {
            buffer.reset();
            int openingBrace = envelope.length - 1;
            buffer.write(envelope, 0, openingBrace);
            try {
                out.writeStartObject();
                for (Member member : layout.fields()) {
                    if (user.has(member.name())) {
                        writeField(member, user);
                    }
                }
                out.writeEndObject();
                out.flush();
            } catch (InvalidFieldException e) {
                out = newGenerator(buffer);
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a record into memory", e);
            }
            byte[] value = buffer.toByteArray();
            value[openingBrace] = ',';
            return value;
        }

        /** Writes the page's envelope, noting where in the buffer the user id's value is. */
        private void writeEnvelopeMember(Member member, Map<String, JsonNode> pageValues, int[] userIdSpan)
                throws IOException {
            out.writeFieldName(member.jsonName());
            if (member instanceof Group group) {
                out.writeStartObject();
                for (Member child : group.members()) {
                    writeEnvelopeMember(child, pageValues, userIdSpan);
                }
                out.writeEndObject();
            } else if (member instanceof Leaf leaf && leaf.field().path().equals(Envelope.USER_ID)) {
                out.writeString("");
                out.flush();
                userIdSpan[1] = buffer.size();
                // The generator writes the colon with the value, so the value is just the last two bytes: "".
                userIdSpan[0] = userIdSpan[1] - 2;
            } else if (member instanceof Leaf leaf) {
                writeLeaf(out, pageValues.get(leaf.field().path()));
            }
        }

        private void writeField(Member member, UserLeaves user) throws IOException, InvalidFieldException {
            out.writeFieldName(member.jsonName());
            if (member instanceof Group group) {
                out.writeStartObject();
                for (Member child : group.members()) {
                    writeField(child, user);
                }
                out.writeEndObject();
            } else if (member instanceof Leaf leaf) {
                writeLeaf(out, normaliser.normalise(leaf.field(), user.leaf(leaf.index())));
            }
        }

        /** Writes a leaf as ObjectMapper would: the catalogue's types give only these kinds of value. */
        private static void writeLeaf(JsonGenerator out, JsonNode value) throws IOException {
            if (value.isNull()) {
                out.writeNull();
            } else if (value.isTextual()) {
                out.writeString(value.textValue());
            } else if (value.isInt()) {
                out.writeNumber(value.intValue());
            } else if (value.isLong()) {
                out.writeNumber(value.longValue());
            } else if (value.isDouble()) {
                out.writeNumber(value.doubleValue());
            } else {
                throw new IllegalStateException("a leaf of type " + value.getNodeType() + " has no catalogue type");
            }
        }
    }

    /**
     * A generator that writes one value after another with nothing between them, each flushed and copied out of
     * the buffer before the next.
     */
    private static JsonGenerator newGenerator(ByteArrayBuilder buffer) {
        try {
            return JSON.createGenerator(buffer).setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a record into memory", e);
        }
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "missing";
        }
        return node.isNull() ? "null" : "not a non-empty string: " + node;
    }
}
