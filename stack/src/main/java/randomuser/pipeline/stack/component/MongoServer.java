package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LaunchSpec;

/** The MongoDB-compatible server (FerretDB with SQLite storage, built from mongo-server/), data in var/mongodb. */
public final class MongoServer implements Component {
    public static final String NAME = "mongodb";
    public static final int PORT = 27017;
    public static final String URI = "mongodb://127.0.0.1:" + PORT;

    private final StackLayout layout;

    public MongoServer(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports() {
        return List.of(PORT);
    }

    @Override
    public List<InstallStep> installSteps() {
        return List.of(InstallSteps.mongoServer(layout));
    }

    @Override
    public LaunchSpec launchSpec() {
        return new LaunchSpec(NAME, List.of(layout.mongoServerBinary().toString(),
                "--listen-addr", "127.0.0.1:" + PORT, "--state-dir", layout.mongoStateDir().toString()),
                Map.of(), layout.root());
    }

    @Override
    public Health probe(Probes probes) {
        return probes.mongoPing(URI);
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public String address() {
        return URI;
    }

    @Override
    public String howToUse() {
        return "no credentials; shell: " + layout.root().relativize(layout.mongoShell()) + " " + URI + "/randomuser";
    }
}
