package randomuser.pipeline.composecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static randomuser.pipeline.composecheck.Deployment.SPARK;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.composecheck.ComposeFile.Mount;

/** docker-compose-spark.yaml: the standalone cluster and one streaming job per facet. */
class SparkComposeTest {

    private static final String MASTER_URL = "spark://spark-master:7077";
    private static final String JAR_IN_CONTAINER = "/opt/randomuser/spark-streaming.jar";

    @Test
    void everyServiceRunsTheOfficialImageOfThePomsSparkAndScalaVersionsOnJava17() {
        PomProperties pom = Deployment.pom();
        String expectedPrefix =
                "apache/spark:" + pom.get("spark.version") + "-scala" + pom.get("scala.binary.version") + "-java17-";
        for (String service : SPARK.serviceNames()) {
            assertTrue(SPARK.image(service).startsWith(expectedPrefix), service + " runs " + SPARK.image(service));
        }
    }

    @Test
    void jobServicesAreExactlyOnePerCatalogueFacetEachNamedAfterItsFacet() {
        Map<String, Facet> facetByJob = facetByJobService();
        assertEquals(Facet.values().length, facetByJob.size(), "job services: " + facetByJob.keySet());
        assertEquals(Set.of(Facet.values()), Set.copyOf(facetByJob.values()));
        facetByJob.forEach((job, facet) -> assertEquals("job-" + facet.facetName(), job));
    }

    @Test
    void jobsCoverExactlyTheCataloguesTopicsAndCollections() {
        Set<String> topics =
                facetByJobService().values().stream().map(Facet::topic).collect(Collectors.toSet());
        Set<String> collections =
                facetByJobService().values().stream().map(Facet::collection).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Facet.topics()), topics);
        assertEquals(Arrays.stream(Facet.values()).map(Facet::collection).collect(Collectors.toSet()), collections);
        for (String job : facetByJobService().keySet()) {
            List<String> command = SPARK.command(job);
            assertFalse(
                    command.contains("--topic") || command.contains("--collection"),
                    job + " names its facet only, the catalogue resolves its topic and collection: " + command);
        }
    }

    @Test
    void eachJobSubmitsTheStreamingJarWithOneCoreAndItsOwnCheckpointFolder() {
        facetByJobService().forEach((job, facet) -> {
            List<String> submit = SPARK.entrypoint(job);
            assertEquals("/opt/spark/bin/spark-submit", submit.get(0), job);
            assertEquals(MASTER_URL, valueAfter(submit, "--master", job));
            assertEquals("client", valueAfter(submit, "--deploy-mode", job));
            assertEquals("randomuser.pipeline.streaming.StreamingJob", valueAfter(submit, "--class", job));
            assertTrue(confs(submit).contains("spark.cores.max=1"), job + " takes one core: " + submit);
            assertEquals(JAR_IN_CONTAINER, submit.get(submit.size() - 1), job + " submits the streaming jar");

            List<String> arguments = SPARK.command(job);
            assertEquals(
                    List.of("--facet", facet.facetName(), "--checkpoint-dir", "/checkpoints/" + facet.facetName()),
                    arguments);

            assertEquals(
                    List.of(
                            new Mount("bind", "./spark-streaming/target/spark-streaming.jar", JAR_IN_CONTAINER, true),
                            new Mount("volume", "spark-checkpoints", "/checkpoints", false)),
                    SPARK.mounts(job),
                    job);
            assertEquals("on-failure:3", SPARK.service(job).get("restart"), job);
            assertEquals(
                    Map.of(
                            "spark-master",
                            "service_healthy",
                            "spark-checkpoints-init",
                            "service_completed_successfully"),
                    SPARK.dependsOn(job),
                    job);
        });
        assertTrue(SPARK.section("volumes").containsKey("spark-checkpoints"), "checkpoints live on a named volume");
    }

    @Test
    void jobsReachTheMasterKafkaAndMongodbThroughTheContractSettings() {
        for (String job : facetByJobService().keySet()) {
            Map<String, String> env = SPARK.environment(job);
            assertEquals(MASTER_URL, env.get("SPARK_MASTER_URL"), job);
            assertEquals(Deployment.brokerBootstrapServers(), env.get("KAFKA_BOOTSTRAP_SERVERS"), job);
            String uri = env.get("MONGODB_URI");
            assertTrue(
                    uri.startsWith("mongodb://${MONGODB_ROOT_USERNAME:?"),
                    job + " logs in with the user from .env: " + uri);
            assertTrue(
                    uri.contains("}:${MONGODB_ROOT_PASSWORD:?"), job + " logs in with the password from .env: " + uri);
            assertTrue(uri.endsWith("}@mongodb:27017/?authSource=admin"), job + " reaches the mongodb service: " + uri);
        }
        assertTrue(
                Deployment.KAFKA.serviceNames().contains("mongodb"),
                "the URI's host is the kafka file's mongodb service");
    }

    @Test
    void sixOneCoreWorkersOnePerJob() {
        Map<String, Object> deploy =
                ComposeFile.asMap(SPARK.service("spark-worker").get("deploy"), "spark-worker deploy");
        assertEquals(Facet.values().length, deploy.get("replicas"));
        List<String> command = SPARK.command("spark-worker");
        assertEquals(
                List.of("/opt/spark/bin/spark-class", "org.apache.spark.deploy.worker.Worker"), command.subList(0, 2));
        assertEquals("1", valueAfter(command, "--cores", "spark-worker"));
        assertEquals(MASTER_URL, command.get(command.size() - 1));
    }

    @Test
    void masterListensOn7077WithItsUiPublishedOn8081() {
        List<String> command = SPARK.command("spark-master");
        assertEquals(
                List.of("/opt/spark/bin/spark-class", "org.apache.spark.deploy.master.Master"), command.subList(0, 2));
        assertEquals("spark-master", valueAfter(command, "--host", "spark-master"));
        assertEquals("7077", valueAfter(command, "--port", "spark-master"));
        assertEquals("8081", valueAfter(command, "--webui-port", "spark-master"));
        assertEquals(List.of("8081:8081"), SPARK.ports("spark-master"));
        assertEquals(
                List.of("CMD-SHELL", "wget -q -O - http://localhost:8081/json/ | grep -q ALIVE"),
                SPARK.healthcheckTest("spark-master"));
    }

    private static Map<String, Facet> facetByJobService() {
        Map<String, Facet> facets = new LinkedHashMap<>();
        for (String service : SPARK.serviceNames()) {
            List<String> command = SPARK.command(service);
            if (!command.contains("--facet")) {
                continue;
            }
            String name = valueAfter(command, "--facet", service);
            facets.put(
                    service,
                    Facet.byName(name)
                            .orElseThrow(
                                    () -> new AssertionError(service + ": no facet " + name + " in the catalogue")));
        }
        return facets;
    }

    private static List<String> confs(List<String> submit) {
        return java.util.stream.IntStream.range(0, submit.size() - 1)
                .filter(i -> submit.get(i).equals("--conf"))
                .mapToObj(i -> submit.get(i + 1))
                .toList();
    }

    private static String valueAfter(List<String> words, String option, String service) {
        int at = words.indexOf(option);
        if (at < 0 || at + 1 >= words.size()) {
            throw new AssertionError(service + ": no value for " + option + " in " + words);
        }
        return words.get(at + 1);
    }
}
