package randomuser.pipeline.stack.probe;

import java.util.List;
import java.util.Optional;

/**
 * Whether a streaming job really streams: its application is RUNNING at the Spark master (it holds an
 * executor) and the status file written by this very driver says its query is RUNNING. Either alone can
 * mislead: the master lists an application whose query failed, and a status file may be a dead driver's.
 */
public final class StreamingJobHealth {
    private StreamingJobHealth() {}

    /**
     * A stack job, whose driver runs under {@code restart-on-failure.sh}: the restart script's process, its driver
     * child, and what the script recorded. A job the script gave up on is FAILED with its last exit and error;
     * one waiting for its restart says so; a running one tells how often it was restarted.
     */
    public static Health evaluateKept(
            String appName,
            SparkMasterView master,
            Optional<StreamingJobStatus> status,
            Optional<Long> restartScriptPid,
            Optional<Long> driverPid,
            Optional<JobRestarts> restarts) {
        if (restartScriptPid.isEmpty()) {
            if (restarts.isPresent() && restarts.get().failed()) {
                JobRestarts given = restarts.get();
                return Health.down("FAILED after " + given.restartsInARow() + " restarts in a row, not restarted "
                        + "again; last " + given.lastExitDescription() + "; ./pipeline up starts it again");
            }
            return Health.down("driver not running");
        }
        if (driverPid.isEmpty()) {
            return restarts.filter(JobRestarts::restarting)
                    .map(r -> Health.down("restarting (" + r.restartsInARow() + " of " + r.maxRestarts() + " in a row) "
                            + "after " + r.lastExitDescription()))
                    .orElse(Health.down("driver starting"));
        }
        Health driver = evaluate(appName, master, status, driverPid);
        return restarts.filter(r -> r.restarts() > 0)
                .map(r -> new Health(
                        driver.healthy(),
                        driver.evidence() + "; restarted " + r.restarts() + (r.restarts() == 1 ? " time" : " times")
                                + ", last after " + r.lastExitDescription()))
                .orElse(driver);
    }

    public static Health evaluate(
            String appName, SparkMasterView master, Optional<StreamingJobStatus> status, Optional<Long> driverPid) {
        if (driverPid.isEmpty()) {
            return Health.down("driver not running");
        }
        if (master.error() != null) {
            return Health.down("Spark master not reachable: " + master.error());
        }
        List<SparkMasterView.App> apps = master.activeApps(appName);
        if (apps.isEmpty()) {
            return Health.down("no application " + appName + " at the master yet");
        }
        SparkMasterView.App app = apps.get(0);
        if (!"RUNNING".equals(app.state())) {
            return Health.down(app.id() + " is " + app.state() + " at the master (no free worker core?)");
        }
        String atMaster = app.id() + " RUNNING at the master (" + app.cores() + " core)";
        if (status.isEmpty()) {
            return Health.down(atMaster + "; no status file yet");
        }
        StreamingJobStatus job = status.get();
        if (job.pid() != driverPid.get()) {
            return Health.down(atMaster + "; the status file is from an earlier driver (pid " + job.pid() + ")");
        }
        String query = "query " + job.state()
                + (job.batchId().isPresent() ? ", batch " + job.batchId().getAsLong() : "")
                + (job.lag().isPresent() ? ", lag " + job.lag().getAsLong() : "")
                + (job.error() != null ? ": " + job.error() : "");
        return job.running() ? Health.up(atMaster + "; " + query) : Health.down(atMaster + "; " + query);
    }
}
