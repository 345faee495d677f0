package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

/** How to run a Spark JVM of the local stack without Spark's shell scripts (the Maven jars have none). */
public final class SparkJvm {
    public static final String SCALA_VERSION = "2.12";

    private SparkJvm() {}

    /**
     * The {@code --add-opens} flags Java 17 needs for Spark, read from the installed Spark itself
     * ({@code org.apache.spark.launcher.JavaModuleOptions}) so they always match its version. Spark's
     * scripts add them for you; a JVM started by hand (master, worker, a driver run with plain java) needs
     * them on its command line. Executors get them from the worker.
     */
    public static List<String> javaModuleOptions(Path sparkHome) {
        Path launcherJar = launcherJar(sparkHome);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {launcherJar.toUri().toURL()}, null)) {
            Class<?> options = loader.loadClass("org.apache.spark.launcher.JavaModuleOptions");
            String flags = (String) options.getMethod("defaultModuleOptions").invoke(null);
            return Arrays.stream(flags.trim().split("\\s+"))
                    .filter(flag -> !flag.isEmpty())
                    .toList();
        } catch (ReflectiveOperationException | IOException e) {
            throw new StackException("cannot read the Java options of Spark from " + launcherJar + ": " + e);
        }
    }

    private static Path launcherJar(Path sparkHome) {
        try (Stream<Path> jars = Files.list(sparkHome.resolve("jars"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("spark-launcher_"))
                    .findFirst()
                    .orElseThrow(() -> new StackException("no spark-launcher jar in " + sparkHome.resolve("jars")
                            + ": run ./pipeline up to install the Spark home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** java, heap, module flags and the Spark home's classpath, up to the main class. */
    public static List<String> javaCommand(StackLayout layout, String heap, String mainClass) {
        return javaCommand(layout, heap, javaModuleOptions(layout.sparkHome()), mainClass);
    }

    /** The same, with the module flags given (they are read from the installed Spark otherwise). */
    static List<String> javaCommand(StackLayout layout, String heap, List<String> moduleOptions, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(StackLayout.javaExecutable().toString());
        command.add("-Xmx" + heap);
        command.addAll(JvmFootprint.SMALL_HEAP);
        command.addAll(moduleOptions);
        command.add("-cp");
        command.add(
                layout.sparkHome().resolve("conf") + "/:" + layout.sparkHome().resolve("jars") + "/*");
        command.add(mainClass);
        return command;
    }

    /**
     * The environment of every Spark JVM. SPARK_SCALA_VERSION is what Spark's scripts export: without it
     * the worker's launcher cannot build an executor's command line.
     */
    public static Map<String, String> environment(StackLayout layout) {
        Map<String, String> environment = new LinkedHashMap<>(JvmFootprint.ENVIRONMENT);
        environment.putAll(Map.of(
                "SPARK_HOME", layout.sparkHome().toString(),
                "SPARK_CONF_DIR", layout.sparkHome().resolve("conf").toString(),
                "SPARK_SCALA_VERSION", SCALA_VERSION,
                "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_DIRS", layout.sparkStateDir().resolve("local").toString(),
                "JAVA_HOME", System.getProperty("java.home")));
        return environment;
    }
}
