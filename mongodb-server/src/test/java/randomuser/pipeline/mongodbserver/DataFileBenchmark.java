package randomuser.pipeline.mongodbserver;

import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Not a test: prints figures. The server alone, in this JVM, on a fresh data file: six writers at once, each
 * replace-upserting N Random-User-sized documents (~700 bytes) by random UUID {@code _id}s (like the pipeline's
 * keys: each upsert lands on another page) in bulks of 512 into its own collection, first as new ids, then twice
 * more over the same ids; per round the documents/s, and the data file's size beside the documents' BSON size.
 *
 * <p>{@code java -cp <test classpath> randomuser.pipeline.mongodbserver.DataFileBenchmark [documents per writer]
 * [server JVM options...]}. With JVM options (e.g. {@code -Xmx512m -XX:+UseParallelGC}) the server runs as its
 * own process with them, as the stack runs it, and the benchmark also prints the server's CPU time and its
 * largest resident memory; without, the server runs in this JVM.
 */
public final class DataFileBenchmark {
    private static final int WRITERS = 6;
    private static final int BULK = 512;

    private DataFileBenchmark() {}

    public static void main(String[] args) throws Exception {
        int perWriter = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<String> serverJvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path folder = Files.createTempDirectory("mongodb-server-bench");
        Path dataFile = folder.resolve("data.mv.db");
        if (serverJvmOptions.isEmpty()) {
            try (DataFileServer server = DataFileServer.start("127.0.0.1", 0, dataFile, 64);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                rounds(client, perWriter, dataFile);
            }
            return;
        }
        try (ServerProcess server = ServerProcess.start(dataFile, serverJvmOptions);
                MongoClient client = server.client()) {
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            AtomicLong maxRssKiB = new AtomicLong();
            sampler.scheduleAtFixedRate(
                    () -> maxRssKiB.accumulateAndGet(residentKiB(server.pid()), Math::max), 0, 1, TimeUnit.SECONDS);
            rounds(client, perWriter, dataFile);
            sampler.shutdownNow();
            System.out.printf(
                    Locale.ROOT,
                    "server %s: CPU %.1f s, largest resident memory %.0f MiB%n",
                    String.join(" ", serverJvmOptions),
                    cpuSeconds(server.pid()),
                    maxRssKiB.get() / 1024.0);
        }
    }

    private static void rounds(MongoClient client, int perWriter, Path dataFile) throws Exception {
        long bson = 0;
        for (int round = 1; round <= 3; round++) {
            List<List<RawBsonDocument>> documents = new ArrayList<>();
            long roundBson = 0;
            for (int writer = 0; writer < WRITERS; writer++) {
                List<RawBsonDocument> list = new ArrayList<>(perWriter);
                // The same seed each round: the same ids again.
                Random ids = new Random(writer);
                for (int i = 0; i < perWriter; i++) {
                    RawBsonDocument document = document(new UUID(ids.nextLong(), ids.nextLong()).toString(), i, round);
                    roundBson += document.getByteBuffer().remaining();
                    list.add(document);
                }
                documents.add(list);
            }
            bson = roundBson;
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                MongoCollection<RawBsonDocument> collection =
                        client.getDatabase("bench").getCollection("c" + writer, RawBsonDocument.class);
                List<RawBsonDocument> mine = documents.get(writer);
                done.add(pool.submit(() -> upsert(collection, mine)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            System.out.printf(
                    Locale.ROOT,
                    "round %d (%s): %d documents in %.1f s = %.0f documents/s in all, %.0f per writer; "
                            + "data file %.0f MiB for %.0f MiB of BSON (%.2fx)%n",
                    round,
                    round == 1 ? "new ids" : "matching ids",
                    (long) WRITERS * perWriter,
                    seconds,
                    WRITERS * perWriter / seconds,
                    perWriter / seconds,
                    Files.size(dataFile) / 1048576.0,
                    bson / 1048576.0,
                    (double) Files.size(dataFile) / bson);
        }
        List<Double> scans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            client.getDatabase("bench").getCollection("c0").countDocuments(eq("round", 99));
            scans.add((System.nanoTime() - started) / 1e6);
        }
        scans.sort(null);
        System.out.printf(
                Locale.ROOT,
                "a full scan of one collection (%d documents, a filter no index serves): median %.0f ms%n",
                perWriter,
                scans.get(2));
        Thread.sleep(10_000);
        System.out.printf(
                Locale.ROOT,
                "10 s later: data file %.0f MiB (%.2fx)%n",
                Files.size(dataFile) / 1048576.0,
                (double) Files.size(dataFile) / bson);
    }

    /** VmRSS of /proc/PID/status, 0 once the process is gone. */
    private static long residentKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return 0;
    }

    /** User and system CPU time of the process so far (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static void upsert(MongoCollection<RawBsonDocument> collection, List<RawBsonDocument> documents) {
        for (int from = 0; from < documents.size(); from += BULK) {
            List<WriteModel<RawBsonDocument>> models = new ArrayList<>();
            for (RawBsonDocument document : documents.subList(from, Math.min(documents.size(), from + BULK))) {
                models.add(new ReplaceOneModel<>(
                        eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true)));
            }
            collection.bulkWrite(models, new BulkWriteOptions().ordered(true));
        }
    }

    private static RawBsonDocument document(String id, int i, int round) {
        BsonDocument document = new BsonDocument("_id", new BsonString(id))
                .append("round", new BsonInt32(round))
                .append(
                        "name",
                        new BsonDocument("title", new BsonString("Ms"))
                                .append("first", new BsonString("Alverta" + i))
                                .append("last", new BsonString("O'Farrell")))
                .append("email", new BsonString("alverta.ofarrell" + i + "@example.com"))
                .append(
                        "picture",
                        new BsonDocument("large", new BsonString("https://randomuser.me/api/portraits/women/82.jpg"))
                                .append(
                                        "medium",
                                        new BsonString("https://randomuser.me/api/portraits/med/women/82.jpg"))
                                .append(
                                        "thumbnail",
                                        new BsonString("https://randomuser.me/api/portraits/thumb/women/82.jpg")))
                .append(
                        "_ingest",
                        new BsonDocument("topic", new BsonString("randomuser.pictures"))
                                .append("run_id", new BsonString("manual__2026-12-04T13:39:13.203851+00:00"))
                                .append("padding", new BsonString("x".repeat(200))));
        return new RawBsonDocument(document, new BsonDocumentCodec());
    }
}
