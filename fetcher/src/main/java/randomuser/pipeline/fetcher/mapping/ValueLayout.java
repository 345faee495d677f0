package randomuser.pipeline.fetcher.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.io.SerializedString;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * The JSON shape of one facet's own fields, built once from the catalogue: nested as their paths say, each
 * object's members in the order the catalogue first names them. Mapping a user walks this shape, so each API
 * object is looked up once and the value is written straight to its bytes, instead of building and copying a
 * tree per record and serialising that. A value is the {@link #ENVELOPE}'s members followed by these.
 *
 * @param fields the facet's top-level members, each named after the API user field it comes from
 */
record ValueLayout(Facet facet, List<Member> fields) {

    /** The envelope's top-level members, the same in every facet's value. */
    static final List<Member> ENVELOPE = members(Envelope.FIELDS, field -> -1);

    /** A member of a JSON object in the value: a nested object, or a leaf with its catalogue field. */
    sealed interface Member permits Group, Leaf {
        String name();

        /** The name as JSON, quoted and encoded once, which the writer copies instead of encoding each time. */
        SerializedString jsonName();
    }

    record Group(String name, SerializedString jsonName, List<Member> members) implements Member {}

    /** @param index where the user's value for the field is in {@link UserLeaves}; -1 in the envelope */
    record Leaf(String name, SerializedString jsonName, FieldSpec field, int index) implements Member {}

    /** Whether the user has any of the API fields this facet is built from; if not, the facet is not produced. */
    boolean hasAnyField(UserLeaves user) {
        for (Member member : fields) {
            if (user.has(member.name())) {
                return true;
            }
        }
        return false;
    }

    static ValueLayout of(Facet facet) {
        List<Member> fields = members(facet.fields(), UserLeaves::indexOf);
        for (Member member : fields) {
            if (ENVELOPE.stream()
                    .anyMatch(envelopeMember -> envelopeMember.name().equals(member.name()))) {
                throw new IllegalStateException(
                        "the " + facet.facetName() + " field " + member.name() + " has the name of an envelope field");
            }
        }
        return new ValueLayout(facet, fields);
    }

    /** The top-level members the catalogue's fields make, merging paths that share a parent. */
    private static List<Member> members(List<FieldSpec> fieldSpecs, ToIntFunction<FieldSpec> index) {
        Draft root = new Draft();
        for (FieldSpec field : fieldSpecs) {
            Draft parent = root;
            List<String> segments = field.segments();
            for (String segment : segments.subList(0, segments.size() - 1)) {
                parent = parent.children.computeIfAbsent(segment, name -> new Draft());
            }
            parent.children.put(segments.get(segments.size() - 1), new Draft(field));
        }
        return root.members(index);
    }

    /** A member under construction: an object whose members keep their first-named order, or a leaf. */
    private static final class Draft {
        private final Map<String, Draft> children = new LinkedHashMap<>();
        private final FieldSpec leaf;

        Draft() {
            this(null);
        }

        Draft(FieldSpec leaf) {
            this.leaf = leaf;
        }

        List<Member> members(ToIntFunction<FieldSpec> index) {
            List<Member> members = new ArrayList<>(children.size());
            children.forEach((name, child) -> members.add(child.toMember(name, index)));
            return List.copyOf(members);
        }

        private Member toMember(String name, ToIntFunction<FieldSpec> index) {
            SerializedString jsonName = new SerializedString(name);
            return leaf != null
                    ? new Leaf(name, jsonName, leaf, index.applyAsInt(leaf))
                    : new Group(name, jsonName, members(index));
        }
    }
}
