package randomuser.pipeline.fetcher.kafka;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import randomuser.pipeline.catalogue.Facet;

/**
 * Checks a topic prefix against Kafka's rules for topic names before anything is fetched: every prefixed
 * catalogue topic must be a legal name, or the run would fail only when its first topic is created.
 */
public final class TopicPrefix {

    /** Kafka's limit on the length of a topic name. */
    public static final int MAX_TOPIC_NAME_LENGTH = 249;

    private static final Pattern ILLEGAL_CHARACTER = Pattern.compile("[^a-zA-Z0-9._-]");
    private static final String LONGEST_TOPIC = Arrays.stream(Facet.values())
            .map(Facet::topic)
            .reduce((a, b) -> b.length() > a.length() ? b : a)
            .orElseThrow();

    private TopicPrefix() {}

    /** The longest prefix that keeps every catalogue topic within Kafka's limit. */
    public static int maxLength() {
        return MAX_TOPIC_NAME_LENGTH - LONGEST_TOPIC.length();
    }

    /** Why the prefix cannot be used, or empty if every prefixed catalogue topic is a legal Kafka topic name. */
    public static Optional<String> problem(String prefix) {
        Matcher illegal = ILLEGAL_CHARACTER.matcher(prefix);
        if (illegal.find()) {
            return Optional.of(
                    "'" + prefix + "' has the character '" + illegal.group()
                            + "', which Kafka does not allow in topic names; allowed: letters a-z A-Z, digits 0-9, '.', '_', '-'");
        }
        if (prefix.length() > maxLength()) {
            return Optional.of("is " + prefix.length() + " characters long, at most " + maxLength() + " allowed: "
                    + "Kafka topic names have at most " + MAX_TOPIC_NAME_LENGTH + " characters and " + LONGEST_TOPIC
                    + " has " + LONGEST_TOPIC.length());
        }
        return Optional.empty();
    }
}
