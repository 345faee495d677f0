package randomuser.pipeline.fetcher.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.mapping.FacetRecord;

class DryRunSinkTest {

    @Test
    void eachRecordIsOneJsonLineWithTopicKeyAndValue() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DryRunSink sink = new DryRunSink(out, TopicNames.CATALOGUE)) {
            sink.send(new FacetRecord(
                    Facet.IDENTITY,
                    "k\"1",
                    "{\"user_id\":\"k\\\"1\",\"id\":{\"name\":\"\",\"value\":null},\"nat\":\"IR\"}"
                            .getBytes(StandardCharsets.UTF_8)));
            sink.send(new FacetRecord(
                    Facet.CONTACT, "k2", "{\"email\":\"\u00e9@example.com\"}".getBytes(StandardCharsets.UTF_8)));
            DeliveryReport report = sink.awaitDelivery();
            assertEquals(2, report.acked());
        }
        assertEquals("""
                {"topic":"randomuser.identities","key":"k\\"1","value":{"user_id":"k\\"1","id":{"name":"","value":null},"nat":"IR"}}
                {"topic":"randomuser.contacts","key":"k2","value":{"email":"\u00e9@example.com"}}
                """, out.toString(StandardCharsets.UTF_8));
    }
}
