package randomuser.pipeline.e2e;

import java.util.Map;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;

/**
 * Everything worth reading when a run's users did not arrive as expected: the DAG run (state, task, log tail),
 * the run's documents per collection, and what each streaming job last said about itself.
 */
final class PipelineDiagnostics {
    private PipelineDiagnostics() {}

    static String of(LocalStack stack, BackfillRuns runs, FacetCollections mongo, String runId, long expectedUsers) {
        StringBuilder text = new StringBuilder(runs.diagnostics(runId));
        try {
            Map<Facet, Long> counts = mongo.countsOfRun(runId);
            text.append("\n  documents of the run: ").append(FacetCollections.describe(counts, expectedUsers));
            text.append("\n  dead_letters: ").append(mongo.deadLetters()).append(" in all");
        } catch (RuntimeException e) {
            text.append("\n  (MongoDB did not answer: ").append(e.getMessage()).append(')');
        }
        for (Facet facet : Facet.values()) {
            text.append("\n  job-")
                    .append(facet.facetName())
                    .append(": ")
                    .append(stack.inspection()
                            .streamingJobStatus(facet)
                            .map(Object::toString)
                            .orElse("no status file"));
        }
        return text.append("\n  logs: ")
                .append(stack.logFile("job-" + Facet.PROFILE.facetName()).getParent())
                .append("/job-*.log, ./pipeline status")
                .toString();
    }
}
