"""randomuser_ingest: fetches a batch of random users on a schedule and produces them to Kafka."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from airflow.sdk import DAG, task

from randomuser_common import ingest_command, ingest_schedule

with DAG(
    dag_id="randomuser_ingest",
    description="Fetch random users on a schedule, at a random moment within each interval",
    doc_md="""
Every interval (every minute unless `RANDOMUSER_INGEST_SCHEDULE` says otherwise, `none` turns it
off), waits a random 0..max seconds, then fetches one page of users with the fetcher and produces
them to Kafka. The run id becomes the fetcher's `--run-id`, so every document can be traced back
to this run.

Settings are read when the task runs: a key of the optional Airflow Variable `randomuser_settings`
(a JSON object), else the environment variable, else the default:
`ingest_results` / `RANDOMUSER_INGEST_RESULTS` (users per run, 1..5000, default 100),
`ingest_jitter_max_seconds` / `RANDOMUSER_INGEST_JITTER_MAX_SECONDS` (default 20),
`fetcher_jar` / `FETCHER_JAR`, `java` / `FETCHER_JAVA`, `api_url` / `RANDOMUSER_API_URL`,
`bootstrap_servers` / `KAFKA_BOOTSTRAP_SERVERS`.
""",
    schedule=ingest_schedule(),
    start_date=datetime(2025, 1, 1, tzinfo=UTC),
    catchup=False,
    # One fetch at a time: a slow fetch delays the next interval instead of piling up runs.
    max_active_runs=1,
    dagrun_timeout=timedelta(minutes=10),
    default_args={
        "retries": 2,
        "retry_delay": timedelta(seconds=15),
        "execution_timeout": timedelta(minutes=5),
    },
    tags=["randomuser"],
) as dag:
    # Every non-zero exit of the fetcher is a failure (the default would skip on 99).
    @task.bash(task_id="fetch_users", skip_on_exit_code=None)
    def fetch_users(run_id: str | None = None) -> str:
        """The fetcher's command line for this run, with the settings read now (see randomuser_common)."""
        return ingest_command(run_id)

    fetch_users()
