package randomuser.pipeline.stack.airflow;

import randomuser.pipeline.stack.StackException;

/** Airflow's REST API answered with an error status; the message carries Airflow's own explanation. */
public class AirflowApiException extends StackException {
    private final int status;

    public AirflowApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status Airflow answered with (400 for a rejected parameter, 404 for an unknown DAG or run). */
    public int status() {
        return status;
    }
}
