"""randomuser_backfill: a manual fetch of many users, configured in the trigger form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from airflow.sdk import DAG, Param, task

from randomuser_common import (
    MAX_RESULTS_PER_PAGE,
    NATIONALITIES,
    NATIONALITY_NAMES,
    backfill_command,
)

MAX_PAGES = 100

with DAG(
    dag_id="randomuser_backfill",
    description="Fetch pages of random users on demand, with a seed, nationalities and gender",
    doc_md="""
Triggered by hand (or through the REST API with the same fields as `conf`). Fetches `pages` pages
of `results` users each from the Random User API and produces them to Kafka. With a `seed` the
users are the same every time, so a repeated run rewrites the same documents. The run id becomes
the fetcher's `--run-id`, so every document can be traced back to this run.

The fetcher jar, java binary, API URL and Kafka brokers come from the keys `fetcher_jar`, `java`,
`api_url`, `bootstrap_servers` of the optional Airflow Variable `randomuser_settings` (a JSON
object), else from the environment variables `FETCHER_JAR`, `FETCHER_JAVA`, `RANDOMUSER_API_URL`,
`KAFKA_BOOTSTRAP_SERVERS`, else the local stack's defaults.
""",
    schedule=None,
    start_date=datetime(2025, 1, 1, tzinfo=UTC),
    catchup=False,
    # Runs queue instead of competing for the machine; writes are idempotent, so order is harmless.
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=2),
    default_args={
        "retries": 2,
        "retry_delay": timedelta(minutes=1),
        "execution_timeout": timedelta(hours=1),
    },
    params={
        "results": Param(
            500,
            type="integer",
            minimum=1,
            maximum=MAX_RESULTS_PER_PAGE,
            title="Users per page",
            description=f"How many users each API request returns (1 to {MAX_RESULTS_PER_PAGE}).",
        ),
        "pages": Param(
            1,
            type="integer",
            minimum=1,
            maximum=MAX_PAGES,
            title="Pages",
            description=f"How many pages to fetch (1 to {MAX_PAGES}).",
        ),
        "seed": Param(
            None,
            type=["null", "string"],
            pattern="^[A-Za-z0-9_.-]{1,64}$",
            title="Seed",
            description="Optional. The same seed returns the same users; letters, digits, _ . - (up to 64).",
        ),
        "nat": Param(
            [],
            type=["array", "null"],
            items={"type": "string", "enum": NATIONALITIES},
            uniqueItems=True,
            # `examples` makes the trigger form render a multi-select of these codes.
            examples=NATIONALITIES,
            values_display={code: f"{code} ({name})" for code, name in NATIONALITY_NAMES.items()},
            title="Nationalities",
            description="Optional. Only users of these nationalities; none selected means all.",
        ),
        "gender": Param(
            "any",
            type="string",
            enum=["any", "male", "female"],
            title="Gender",
            description="Only users of this gender, or any.",
        ),
    },
    tags=["randomuser"],
) as dag:
    # Every non-zero exit of the fetcher is a failure (the default would skip on 99).
    @task.bash(task_id="fetch_users", skip_on_exit_code=None)
    def fetch_users(params: dict | None = None, run_id: str | None = None) -> str:
        """The fetcher's command line for this run's form values, with the settings read now."""
        return backfill_command(params, run_id)

    fetch_users()
