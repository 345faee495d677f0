"""The fetch command, run by bash exactly as the task runs it (`bash -c`), with a fake java.

Proves the argument vector the fetcher receives, that values stay literal whatever they contain,
and that the fetcher's exit code becomes the task's.
"""

from __future__ import annotations

import os
import subprocess
import time

import pytest
from airflow.exceptions import AirflowFailException

from randomuser_common import fetch_command

API_URL = "http://127.0.0.1:18080"
BROKERS = "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292"


def settings(fake_java, api_url=API_URL):
    return {
        "java": str(fake_java.java),
        "fetcher_jar": str(fake_java.jar),
        "api_url": api_url,
        "bootstrap_servers": BROKERS,
    }


def run_fetch(command, extra_env=None):
    env = {**os.environ, **(extra_env or {})}
    return subprocess.run(["bash", "-c", command], env=env, capture_output=True, text=True, timeout=30)


def test_all_options_reach_the_fetcher_as_separate_arguments(fake_java):
    command = fetch_command(
        settings(fake_java),
        run_id="manual__2026-01-02T03:04:05+00:00",
        results=1000,
        pages=3,
        seed="e2e-1",
        nat=["GB", "FR"],
        gender="female",
    )
    completed = run_fetch(command)
    assert completed.returncode == 0, completed.stderr
    assert fake_java.recorded_args() == [
        "-jar", str(fake_java.jar),
        "--results", "1000",
        "--pages", "3",
        "--seed", "e2e-1",
        "--nat", "GB,FR",
        "--gender", "female",
        "--run-id", "manual__2026-01-02T03:04:05+00:00",
        "--api-url", "http://127.0.0.1:18080",
        "--bootstrap-servers", "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292",
    ]  # fmt: skip


def test_unset_options_are_left_out(fake_java):
    command = fetch_command(
        settings(fake_java), run_id="scheduled__2026-01-02T03:04:00+00:00", results=100, pages=1, gender="any"
    )
    completed = run_fetch(command)
    assert completed.returncode == 0, completed.stderr
    assert fake_java.recorded_args() == [
        "-jar", str(fake_java.jar),
        "--results", "100",
        "--pages", "1",
        "--run-id", "scheduled__2026-01-02T03:04:00+00:00",
        "--api-url", "http://127.0.0.1:18080",
        "--bootstrap-servers", "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292",
    ]  # fmt: skip


def test_values_stay_literal_whatever_they_contain(fake_java, tmp_path):
    marker = tmp_path / "injected"
    hostile = [f'x"; touch {marker}; echo "', f"$(touch {marker})", f"`touch {marker}`", "a b\tc\nd", "*"]
    for value in hostile:
        command = fetch_command(settings(fake_java, api_url=value), run_id=value, results=1, pages=1, seed=value)
        completed = run_fetch(command)
        assert completed.returncode == 0, completed.stderr
        args = fake_java.recorded_args()
        assert args[args.index("--seed") + 1] == value
        assert args[args.index("--run-id") + 1] == value
        assert args[args.index("--api-url") + 1] == value
    assert not marker.exists()


def test_the_fetchers_exit_code_is_the_tasks(fake_java):
    completed = run_fetch(fetch_command(settings(fake_java), run_id="r", results=1, pages=1), {"FAKE_JAVA_EXIT": "7"})
    assert completed.returncode == 7


def test_jitter_waits_before_the_fetch(fake_java):
    command = fetch_command(settings(fake_java), run_id="r", results=1, pages=1, jitter_seconds=1)
    started = time.monotonic()
    completed = run_fetch(command)
    assert completed.returncode == 0, completed.stderr
    assert time.monotonic() - started >= 1.0
    assert completed.stdout == "jitter: waiting 1 s before the fetch\n"


def test_a_setting_with_template_syntax_is_refused_as_airflow_would_evaluate_it(fake_java):
    with pytest.raises(AirflowFailException) as refused:
        fetch_command(settings(fake_java, api_url="http://{{ var.value.x }}"), run_id="r", results=1, pages=1)
    assert str(refused.value) == (
        "the fetch command's argument 'http://{{ var.value.x }}' holds Jinja template syntax ({{, {% or {#), "
        "which Airflow would evaluate; check the settings (Airflow Variable randomuser_settings or the environment)"
    )
