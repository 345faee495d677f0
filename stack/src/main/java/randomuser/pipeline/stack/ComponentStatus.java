package randomuser.pipeline.stack;

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
}
