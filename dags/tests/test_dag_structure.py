"""Schedules, limits, retries and the fetch task of both DAGs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from airflow.providers.standard.operators.bash import BashOperator

from conftest import load_dagbag


@pytest.mark.parametrize("dag_id", ["randomuser_ingest", "randomuser_backfill"])
def test_fetch_task_is_a_bash_task_whose_every_failure_counts(dagbag, dag_id):
    dag = dagbag.dags[dag_id]
    assert dag.task_ids == ["fetch_users"]
    task = dag.get_task("fetch_users")
    # A @task.bash: its function returns the command when the task runs (what it returns for a conf,
    # test_task_command.py; that command run by bash, test_fetch_command.py).
    assert isinstance(task, BashOperator)
    assert task.custom_operator_name == "@task.bash"
    # No exit code is turned into "skipped": a non-zero fetcher exit fails the task.
    assert task.skip_on_exit_code == []
    # Nothing is rendered from macros or into native objects: the command is built in Python.
    assert dag.user_defined_macros is None
    assert dag.render_template_as_native_obj is False
    assert dag.tags == {"randomuser"}


def test_ingest_runs_every_minute_one_at_a_time_with_retries(dagbag):
    dag = dagbag.dags["randomuser_ingest"]
    assert dag.schedule == "* * * * *"
    assert dag.timetable.summary == "* * * * *"
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.dagrun_timeout == timedelta(minutes=10)
    assert dag.params == {}
    task = dag.get_task("fetch_users")
    assert task.retries == 2
    assert task.retry_delay == timedelta(seconds=15)
    assert task.execution_timeout == timedelta(minutes=5)


def test_backfill_is_manual_only_with_retries(dagbag):
    dag = dagbag.dags["randomuser_backfill"]
    assert dag.schedule is None
    assert dag.timetable.summary == "None"
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.dagrun_timeout == timedelta(hours=2)
    task = dag.get_task("fetch_users")
    assert task.retries == 2
    assert task.retry_delay == timedelta(minutes=1)
    assert task.execution_timeout == timedelta(hours=1)


def test_ingest_schedule_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("RANDOMUSER_INGEST_SCHEDULE", "*/5 * * * *")
    assert load_dagbag().dags["randomuser_ingest"].schedule == "*/5 * * * *"


def test_ingest_schedule_none_turns_scheduling_off(monkeypatch):
    monkeypatch.setenv("RANDOMUSER_INGEST_SCHEDULE", "none")
    assert load_dagbag().dags["randomuser_ingest"].schedule is None
