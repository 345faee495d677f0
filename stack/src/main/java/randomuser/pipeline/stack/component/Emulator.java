package randomuser.pipeline.stack.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.process.LaunchSpec;

/** The Random User API emulator (emulator/target/emulator.jar) on 18080. */
public final class Emulator {
    public static final String NAME = "emulator";
    public static final int PORT = 18080;
    public static final String URL = "http://127.0.0.1:" + PORT;

    private Emulator() {}

    public static Component component(StackLayout layout) {
        return new Component(
                NAME,
                List.of(PORT),
                Component.NO_DEPENDENCIES,
                List.of(InstallSteps.emulatorJar(layout)),
                Duration.ofSeconds(60),
                URL + "/api/1.4/",
                "RANDOMUSER_API_URL=" + URL,
                () -> launchSpec(layout),
                probes -> probes.httpOk(URL + "/api/1.4/?results=1"),
                Component.NOTHING_TO_PREPARE);
    }

    private static LaunchSpec launchSpec(StackLayout layout) {
        List<String> command =
                new ArrayList<>(List.of(StackLayout.javaExecutable().toString(), "-Xmx256m"));
        command.addAll(JvmFootprint.SMALL_HEAP);
        command.addAll(List.of(
                "-jar", layout.emulatorJar().toString(), "--host", "127.0.0.1", "--port", Integer.toString(PORT)));
        return new LaunchSpec(NAME, command, JvmFootprint.ENVIRONMENT, layout.root());
    }
}
