package randomuser.pipeline.stack.topics;

/**
 * One record read back from a topic.
 *
 * @param key   the key as UTF-8 text, or null
 * @param value the value as UTF-8 text, or null
 */
public record PeekedRecord(int partition, long offset, long timestampMillis, String key, String value) {}
