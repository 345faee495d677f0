package randomuser.pipeline.stack.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.DefaultAddresses;

/** The local stack serves where the fetcher, the streaming jobs and the integration tests look when nothing else is set. */
class DefaultAddressesTest {
    @Test
    void theBrokersTheServerAndTheMasterAreWhereTheProductLooksByDefault() {
        assertEquals(DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS, KafkaBrokerConfig.bootstrapServers());
        assertEquals(DefaultAddresses.MONGODB_URI, MongoServer.URI);
        assertEquals(DefaultAddresses.SPARK_MASTER_URL, SparkMaster.URL);
    }
}
