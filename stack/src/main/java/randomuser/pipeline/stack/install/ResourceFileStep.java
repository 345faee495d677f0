package randomuser.pipeline.stack.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * A config file the stack ships in its jar, written into the installation; rewritten when the shipped
 * version differs, so that an edit in the source takes effect on the next start.
 */
public final class ResourceFileStep implements InstallStep {
    private static final String RESOURCE_FOLDER = "/randomuser/pipeline/stack/";

    private final String description;
    private final String resource;
    private final Path target;

    /** @param resource file name under randomuser/pipeline/stack/ in the stack's jar */
    public ResourceFileStep(String description, String resource, Path target) {
        this.description = description;
        this.resource = resource;
        this.target = target;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Prerequisite> prerequisites() {
        return List.of();
    }

    @Override
    public boolean isDone() {
        try {
            return Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void install(CommandRunner runner) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(
                    target.getParent(), target.getFileName().toString(), ".tmp");
            Files.write(temp, content());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private byte[] content() throws IOException {
        try (InputStream in = ResourceFileStep.class.getResourceAsStream(RESOURCE_FOLDER + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the stack jar: " + resource);
            }
            return in.readAllBytes();
        }
    }
}
