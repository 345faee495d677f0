package randomuser.pipeline.emulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The names and places users of one nationality are drawn from. Built once per JVM (the first use
 * costs about a second) so that generating a user is only list look-ups, never a Datafaker call.
 */
record NationalityPools(
        List<String> maleFirst,
        List<String> femaleFirst,
        List<String> last,
        List<String> streets,
        List<String> cities,
        List<String> states,
        List<String> postcodes) {

    /** The pools of {@code nat}. */
    static NationalityPools of(Nationality nat) {
        return Holder.ALL.get(nat);
    }

    /** Builds every pool now, e.g. at server start, instead of on the first request. */
    static void preload() {
        Holder.ALL.size();
    }

    private static final class Holder {
        static final Map<Nationality, NationalityPools> ALL = buildAll();

        private static Map<Nationality, NationalityPools> buildAll() {
            Map<Nationality, NationalityPools> all = new EnumMap<>(Nationality.class);
            for (Nationality nat : Nationality.values()) {
                all.put(nat, PoolBuilder.build(nat));
            }
            return all;
        }
    }
}
