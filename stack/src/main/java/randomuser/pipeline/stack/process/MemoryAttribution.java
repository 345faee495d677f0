package randomuser.pipeline.stack.process;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resident memory per component, each process counted once. A component owns its process and that
 * process's descendants, except processes claimed by another component: a Spark executor is a child of
 * the worker that launched it but works for one streaming job, so it counts for the job, not the worker.
 */
public final class MemoryAttribution {
    private MemoryAttribution() {}

    /**
     * @param mainPids    component to its own process
     * @param claimed     component to processes it owns outside its own tree (a job's executors)
     * @param descendants a process's descendants
     * @param residentKiB a process's resident memory (0 when gone)
     * @return component to KiB, in the order of {@code mainPids}
     */
    public static Map<String, Long> residentKiB(
            Map<String, Long> mainPids,
            Map<String, Set<Long>> claimed,
            Function<Long, List<Long>> descendants,
            Function<Long, Long> residentKiB) {
        Set<Long> claimedByAnyone = new HashSet<>();
        claimed.values().forEach(claimedByAnyone::addAll);
        Map<String, Long> result = new LinkedHashMap<>();
        mainPids.forEach((component, pid) -> {
            Set<Long> owned = new HashSet<>();
            owned.add(pid);
            descendants.apply(pid).stream()
                    .filter(child -> !claimedByAnyone.contains(child))
                    .forEach(owned::add);
            owned.addAll(claimed.getOrDefault(component, Set.of()));
            result.put(component, owned.stream().mapToLong(residentKiB::apply).sum());
        });
        return result;
    }

    /** The live process tree and memory, for {@link #residentKiB}. */
    public static Map<String, Long> residentKiBNow(Map<String, Long> mainPids, Map<String, Set<Long>> claimed) {
        return residentKiB(
                mainPids,
                claimed,
                pid -> ProcessHandle.of(pid)
                        .map(handle ->
                                handle.descendants().map(ProcessHandle::pid).toList())
                        .orElse(List.of()),
                pid -> ProcFs.residentKiB(pid).orElse(0));
    }
}
