package randomuser.pipeline.fetcher.kafka;

import randomuser.pipeline.catalogue.Facet;

/** Where a facet's records go: the catalogue's topic, or a prefixed copy for benchmarks that must not touch it. */
@FunctionalInterface
public interface TopicNames {

    TopicNames CATALOGUE = Facet::topic;

    String topicOf(Facet facet);

    static TopicNames prefixed(String prefix) {
        return facet -> prefix + facet.topic();
    }
}
