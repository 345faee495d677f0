package randomuser.pipeline.stack.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceFileStepTest {
    @Test
    void writesTheShippedFileAndRewritesAnEditedOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("conf").resolve("job.properties");
        ResourceFileStep step = new ResourceFileStep("the log config", "streaming-job-log4j2.properties", target);
        assertFalse(step.isDone());

        step.install(null);
        assertTrue(step.isDone());
        assertTrue(Files.readString(target).contains("logger.job.name = randomuser.pipeline.streaming"));

        Files.writeString(target, "edited");
        assertFalse(step.isDone());
        step.install(null);
        assertTrue(step.isDone());
    }
}
