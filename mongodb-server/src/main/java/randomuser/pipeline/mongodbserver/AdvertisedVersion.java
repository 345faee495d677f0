package randomuser.pipeline.mongodbserver;

import java.util.List;

import de.bwaldvogel.mongo.MongoVersion;

/**
 * The MongoDB version the server tells clients it is. mongo-java-server's own newest choice reports 5.0 but
 * wire version 8, a pair no real server sends; mongosh 2.x (Node driver 7) and pymongo 4.18+ need wire 9 or
 * more and refuse it. 4.4 / wire 9 is a real pair that every client the project uses (Java driver 5.1,
 * mongo-spark-connector 10.5, mongosh 2.12, pymongo 4.20) accepts, and it promises no 5.0 feature.
 */
enum AdvertisedVersion implements MongoVersion {
    MONGODB_4_4(List.of(4, 4, 0), 9);

    private final List<Integer> versionArray;
    private final int wireVersion;

    AdvertisedVersion(List<Integer> versionArray, int wireVersion) {
        this.versionArray = List.copyOf(versionArray);
        this.wireVersion = wireVersion;
    }

    @Override
    public List<Integer> getVersionArray() {
        return versionArray;
    }

    @Override
    public int getWireVersion() {
        return wireVersion;
    }
}
