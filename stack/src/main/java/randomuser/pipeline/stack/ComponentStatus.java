package randomuser.pipeline.stack;

import java.util.List;
import java.util.OptionalLong;

/**
 * One row of {@code ./pipeline status}.
 *
 * @param name     component name
 * @param up       whether its probe says it serves
 * @param evidence what the probe asked and what came back
 * @param pid      the process the stack started for it, if running
 * @param rssKiB   resident memory of that process and its children (0 when not running)
 */
public record ComponentStatus(String name, boolean up, String evidence, OptionalLong pid, long rssKiB) {

    /** The resident memory of all these components' processes (the "total" of the status table and JSON). */
    public static long totalRssKiB(List<ComponentStatus> components) {
        return components.stream().mapToLong(ComponentStatus::rssKiB).sum();
    }
}
