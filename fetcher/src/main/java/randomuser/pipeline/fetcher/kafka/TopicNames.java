package randomuser.pipeline.fetcher.kafka;

import randomuser.pipeline.catalogue.Facet;

/**
 * Where a facet's records go: the catalogue's topic, or a prefixed copy ({@code --topic-prefix}) so tests and
 * benchmarks never write into the topics the streaming jobs read.
 */
@FunctionalInterface
public interface TopicNames {

    TopicNames CATALOGUE = Facet::topic;

    String topicOf(Facet facet);

    /** The catalogue's topics with {@code prefix} in front; an empty prefix gives the catalogue's own. */
    static TopicNames prefixed(String prefix) {
        return prefix.isEmpty() ? CATALOGUE : facet -> prefix + facet.topic();
    }
}
