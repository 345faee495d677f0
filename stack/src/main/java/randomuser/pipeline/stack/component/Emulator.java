package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LaunchSpec;

/** The Random User API emulator (emulator/target/emulator.jar) on 18080. */
public final class Emulator implements Component {
    public static final String NAME = "emulator";
    public static final int PORT = 18080;
    public static final String URL = "http://127.0.0.1:" + PORT;

    private final StackLayout layout;

    public Emulator(StackLayout layout) {
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
        return List.of(InstallSteps.emulatorJar(layout));
    }

    @Override
    public LaunchSpec launchSpec() {
        List<String> command =
                new ArrayList<>(List.of(StackLayout.javaExecutable().toString(), "-Xmx256m"));
        command.addAll(JvmFootprint.SMALL_HEAP);
        command.addAll(List.of(
                "-jar", layout.emulatorJar().toString(), "--host", "127.0.0.1", "--port", Integer.toString(PORT)));
        return new LaunchSpec(NAME, command, JvmFootprint.ENVIRONMENT, layout.root());
    }

    @Override
    public Health probe(Probes probes) {
        return probes.httpOk(URL + "/api/1.4/?results=1");
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public String address() {
        return URL + "/api/1.4/";
    }

    @Override
    public String howToUse() {
        return "RANDOMUSER_API_URL=" + URL;
    }
}
