"""The DAGs' fetch command, taken from the parsed task, run by bash exactly as the BashOperator runs it
(`bash -c`), with a fake java.

Proves the argument vector the fetcher receives, that values stay literal whatever they contain,
and that the fetcher's exit code becomes the task's.
"""

from __future__ import annotations

import functools
import os
import subprocess
import time

from conftest import load_dagbag
from randomuser_common import fetch_env

SETTINGS = {
    "java": "unused: replaced by the fake",
    "fetcher_jar": "unused: replaced by the fake",
    "api_url": "http://127.0.0.1:18080",
    "bootstrap_servers": "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292",
}


@functools.cache
def fetch_command(dag_id="randomuser_backfill"):
    """The bash command of the DAG's parsed fetch task (not the constant it was built from)."""
    return load_dagbag().dags[dag_id].get_task("fetch_users").bash_command


def run_fetch(fake_java, env, extra_env=None):
    task_env = {**os.environ, **env, "FETCHER_JAVA": str(fake_java.java), "FETCHER_JAR": str(fake_java.jar)}
    task_env.update(extra_env or {})
    return subprocess.run(["bash", "-c", fetch_command()], env=task_env, capture_output=True, text=True, timeout=30)


def test_both_dags_run_the_same_fetch_command():
    assert fetch_command("randomuser_ingest") == fetch_command("randomuser_backfill")


def test_all_options_reach_the_fetcher_as_separate_arguments(fake_java):
    env = fetch_env(
        SETTINGS,
        run_id="manual__2026-01-02T03:04:05+00:00",
        results=1000,
        pages=3,
        seed="e2e-1",
        nat=["GB", "FR"],
        gender="female",
    )
    completed = run_fetch(fake_java, env)
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
    env = fetch_env(SETTINGS, run_id="scheduled__2026-01-02T03:04:00+00:00", results=100, pages=1, gender="any")
    completed = run_fetch(fake_java, env)
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
        env = fetch_env(SETTINGS, run_id=value, results=1, pages=1, seed=value)
        completed = run_fetch(fake_java, env, {"RANDOMUSER_API_URL": value})
        assert completed.returncode == 0, completed.stderr
        args = fake_java.recorded_args()
        assert args[args.index("--seed") + 1] == value
        assert args[args.index("--run-id") + 1] == value
        assert args[args.index("--api-url") + 1] == value
    assert not marker.exists()


def test_the_fetchers_exit_code_is_the_tasks(fake_java):
    env = fetch_env(SETTINGS, run_id="r", results=1, pages=1)
    completed = run_fetch(fake_java, env, {"FAKE_JAVA_EXIT": "7"})
    assert completed.returncode == 7


def test_a_missing_jar_fails_with_a_clear_message(fake_java, tmp_path):
    env = fetch_env(SETTINGS, run_id="r", results=1, pages=1)
    completed = run_fetch(fake_java, env, {"FETCHER_JAR": str(tmp_path / "nowhere.jar")})
    assert completed.returncode == 2
    assert completed.stderr == (
        f"fetcher jar not found: {tmp_path / 'nowhere.jar'} (build it with 'mvn -B -pl fetcher -am "
        "package -DskipTests', or set fetcher_jar in the Airflow Variable randomuser_settings, or the "
        "environment variable FETCHER_JAR)\n"
    )
    assert not fake_java.args_file.exists()


def test_jitter_waits_before_the_fetch(fake_java):
    env = fetch_env(SETTINGS, run_id="r", results=1, pages=1, jitter_seconds=1)
    started = time.monotonic()
    completed = run_fetch(fake_java, env)
    assert completed.returncode == 0, completed.stderr
    assert time.monotonic() - started >= 1.0
    assert completed.stdout == "jitter: waiting 1 s before the fetch\n"
