"""Whole DAG runs through Airflow's own task runner (dag.test), with a fake java in place of the fetcher.

Covers what only a real run shows: the task function called by the task runner with the run's params
and id, its command run by bash, the run id reaching --run-id, and a failing fetcher failing the task
and the run.
"""

from __future__ import annotations

import pytest

from conftest import load_dagbag


@pytest.fixture
def fresh_dags(airflow_db):
    # A private parse per test: these tests change task attributes.
    return load_dagbag().dags


def test_backfill_run_passes_its_conf_and_run_id_to_the_fetcher(fresh_dags, fake_java):
    run = fresh_dags["randomuser_backfill"].test(
        run_conf={"results": 1000, "pages": 3, "seed": "e2e-1", "nat": ["NZ"], "gender": "male"}
    )
    assert run.state == "success"
    assert run.run_id.startswith("manual__")
    assert fake_java.recorded_args() == [
        "-jar", str(fake_java.jar),
        "--results", "1000",
        "--pages", "3",
        "--seed", "e2e-1",
        "--nat", "NZ",
        "--gender", "male",
        "--run-id", run.run_id,
        "--api-url", "http://127.0.0.1:18080",
        "--bootstrap-servers", "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292",
    ]  # fmt: skip


def test_ingest_run_fetches_one_page_of_the_configured_size(fresh_dags, fake_java, monkeypatch):
    monkeypatch.setenv("RANDOMUSER_INGEST_JITTER_MAX_SECONDS", "0")
    monkeypatch.setenv("RANDOMUSER_INGEST_RESULTS", "25")
    run = fresh_dags["randomuser_ingest"].test()
    assert run.state == "success"
    assert fake_java.recorded_args() == [
        "-jar", str(fake_java.jar),
        "--results", "25",
        "--pages", "1",
        "--run-id", run.run_id,
        "--api-url", "http://127.0.0.1:18080",
        "--bootstrap-servers", "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292",
    ]  # fmt: skip


# 1 and 2 are the fetcher's failures (fetcher/README.md), 3 any other; 99 is the code Airflow's BashOperator
# turns into "skipped" unless told otherwise, so it must fail the task too.
@pytest.mark.parametrize("exit_code", ["1", "2", "3", "99"])
def test_a_failing_fetcher_fails_the_task_and_the_run(fresh_dags, fake_java, monkeypatch, exit_code):
    monkeypatch.setenv("FAKE_JAVA_EXIT", exit_code)
    dag = fresh_dags["randomuser_backfill"]
    dag.get_task("fetch_users").retries = 0  # the retry delay would only slow the test down
    run = dag.test(run_conf={"results": 5})
    assert run.state == "failed"
    assert [(ti.task_id, ti.state) for ti in run.get_task_instances()] == [("fetch_users", "failed")]
