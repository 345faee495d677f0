package randomuser.pipeline.stack.mainjob;

import java.util.Optional;

/**
 * What the main job asks about the streaming jobs while it waits for a run's documents: the wait may take
 * minutes when the jobs first work through older records, so it ends early only when a job is broken.
 */
public interface JobsWatch {
    /** Why the documents cannot arrive (a job's driver gone, its query failed), if that is so. */
    Optional<String> problem();

    /** What the jobs have still to write, for progress lines ("records still to write: profiles 230, ..."). */
    String progress();

    /** For callers that watch nothing but the documents. */
    JobsWatch NONE = new JobsWatch() {
        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }

        @Override
        public String progress() {
            return "";
        }
    };
}
