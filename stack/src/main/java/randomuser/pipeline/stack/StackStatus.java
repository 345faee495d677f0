package randomuser.pipeline.stack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import randomuser.pipeline.stack.probe.StreamingJobStatus;

/**
 * Everything {@code ./pipeline status} shows: each component with evidence and memory, each streaming job's
 * own account of its query, and the documents in MongoDB.
 *
 * @param documents      collection to document count (six facet collections, then dead_letters); empty
 *                       when MongoDB could not be asked
 * @param documentsError why MongoDB could not be asked, or null
 */
public record StackStatus(
        List<ComponentStatus> components, List<Job> jobs, Map<String, Long> documents, String documentsError) {

    /** Every component serves: what {@code status} exits 0 for. */
    public boolean allUp() {
        return components.stream().allMatch(ComponentStatus::up);
    }
    /**
     * @param driverRunning whether the job's driver process runs
     * @param status        the job's status file (of the running driver, or the last words of a stopped one)
     * @param backlog       records of its topic after its last committed batch (empty when Kafka did not answer)
     * @param driverKiB     resident memory of the driver
     * @param executorKiB   resident memory of its executors (children of the workers)
     */
    public record Job(
            String name,
            boolean driverRunning,
            Optional<StreamingJobStatus> status,
            OptionalLong backlog,
            long driverKiB,
            long executorKiB) {}
}
