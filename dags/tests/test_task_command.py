"""The fetch task's command line, as each DAG's task function builds it for a given conf and run id, and
where each setting comes from."""

from __future__ import annotations

import copy
import inspect
import json
import re
import shlex

import pytest
from airflow.exceptions import AirflowFailException

import randomuser_common
from conftest import DAGS_FOLDER
from randomuser_common import SETTINGS_VARIABLE, resolve_settings

RUN_ID = "manual__2026-01-02T03:04:05.678901+00:00"
DEFAULT_BROKERS = "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292"
DEFAULT_JAR = str(DAGS_FOLDER.parent / "fetcher" / "target" / "fetcher.jar")


def task_command(dag, conf=None, run_id=RUN_ID):
    """What the fetch task's function returns for a run triggered with `conf` (validated as Airflow does)."""
    function = dag.get_task("fetch_users").python_callable
    kwargs = {"run_id": run_id}
    if "params" in inspect.signature(function).parameters:
        params = copy.deepcopy(dag.params)
        params.update(conf or {})
        kwargs["params"] = params.validate()
    return function(**kwargs)


def fetcher_argv(command):
    """The argument vector of the command's `exec`, as bash splits it."""
    before, _, executed = command.partition("exec ")
    assert before == "" or re.fullmatch(r"echo 'jitter: waiting \d+ s before the fetch'; sleep \d+; ", before)
    return shlex.split(executed)


def jitter_seconds(command):
    match = re.match(r"echo 'jitter: waiting (\d+) s before the fetch'; sleep (\d+); exec ", command)
    if not match:
        return 0
    assert match.group(1) == match.group(2)
    return int(match.group(2))


def set_settings_variable(monkeypatch, value):
    # Airflow reads AIRFLOW_VAR_<KEY> as the Variable <key> (its environment secrets backend).
    monkeypatch.setenv(f"AIRFLOW_VAR_{SETTINGS_VARIABLE.upper()}", value)


def test_backfill_command_for_a_full_conf(dagbag, fake_java):
    conf = {"results": 1000, "pages": 3, "seed": "e2e-1", "nat": ["GB", "FR"], "gender": "female"}
    command = task_command(dagbag.dags["randomuser_backfill"], conf)
    assert jitter_seconds(command) == 0
    assert fetcher_argv(command) == [
        str(fake_java.java), "-jar", str(fake_java.jar),
        "--results", "1000",
        "--pages", "3",
        "--seed", "e2e-1",
        "--nat", "GB,FR",
        "--gender", "female",
        "--run-id", RUN_ID,
        "--api-url", "http://127.0.0.1:18080",
        "--bootstrap-servers", DEFAULT_BROKERS,
    ]  # fmt: skip


@pytest.mark.parametrize("conf", [{}, {"seed": None, "nat": None, "gender": "any"}])
def test_backfill_command_leaves_unset_options_out(dagbag, fake_java, conf):
    assert fetcher_argv(task_command(dagbag.dags["randomuser_backfill"], conf)) == [
        str(fake_java.java), "-jar", str(fake_java.jar),
        "--results", "500",
        "--pages", "1",
        "--run-id", RUN_ID,
        "--api-url", "http://127.0.0.1:18080",
        "--bootstrap-servers", DEFAULT_BROKERS,
    ]  # fmt: skip


def test_ingest_command_defaults(dagbag, fake_java, monkeypatch):
    monkeypatch.setattr(randomuser_common.random, "randint", lambda low, high: high)
    command = task_command(dagbag.dags["randomuser_ingest"], run_id="scheduled__2026-01-02T03:04:00+00:00")
    assert jitter_seconds(command) == 20
    assert fetcher_argv(command) == [
        str(fake_java.java), "-jar", str(fake_java.jar),
        "--results", "100",
        "--pages", "1",
        "--run-id", "scheduled__2026-01-02T03:04:00+00:00",
        "--api-url", "http://127.0.0.1:18080",
        "--bootstrap-servers", DEFAULT_BROKERS,
    ]  # fmt: skip


def test_ingest_jitter_is_random_within_the_configured_bound(dagbag, fake_java, monkeypatch):
    monkeypatch.setenv("RANDOMUSER_INGEST_JITTER_MAX_SECONDS", "3")
    seen = {jitter_seconds(task_command(dagbag.dags["randomuser_ingest"])) for _ in range(200)}
    assert seen == {0, 1, 2, 3}
    monkeypatch.setenv("RANDOMUSER_INGEST_JITTER_MAX_SECONDS", "0")
    assert jitter_seconds(task_command(dagbag.dags["randomuser_ingest"])) == 0


def test_ingest_users_per_run_from_the_environment(dagbag, fake_java, monkeypatch):
    monkeypatch.setenv("RANDOMUSER_INGEST_RESULTS", "250")
    argv = fetcher_argv(task_command(dagbag.dags["randomuser_ingest"]))
    assert argv[argv.index("--results") + 1] == "250"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "RANDOMUSER_INGEST_RESULTS",
            "0",
            "setting ingest_results (key of the Airflow Variable randomuser_settings, or environment "
            "variable RANDOMUSER_INGEST_RESULTS) must be an integer from 1 to 5000, got '0'",
        ),
        (
            "RANDOMUSER_INGEST_RESULTS",
            "many",
            "setting ingest_results (key of the Airflow Variable randomuser_settings, or environment "
            "variable RANDOMUSER_INGEST_RESULTS) must be an integer from 1 to 5000, got 'many'",
        ),
        (
            "RANDOMUSER_INGEST_JITTER_MAX_SECONDS",
            "-1",
            "setting ingest_jitter_max_seconds (key of the Airflow Variable randomuser_settings, or "
            "environment variable RANDOMUSER_INGEST_JITTER_MAX_SECONDS) must be an integer from 0 to "
            "3600, got '-1'",
        ),
    ],
)
def test_ingest_rejects_a_bad_setting_with_a_clear_message(dagbag, fake_java, monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError) as rejected:
        task_command(dagbag.dags["randomuser_ingest"])
    assert str(rejected.value) == message


@pytest.mark.parametrize("dag_id", ["randomuser_ingest", "randomuser_backfill"])
def test_a_missing_jar_fails_the_task_at_once_with_a_clear_message(dagbag, monkeypatch, tmp_path, dag_id):
    monkeypatch.setenv("FETCHER_JAR", str(tmp_path / "nowhere.jar"))
    monkeypatch.setenv("RANDOMUSER_INGEST_JITTER_MAX_SECONDS", "0")
    with pytest.raises(AirflowFailException) as failed:
        task_command(dagbag.dags[dag_id])
    assert str(failed.value) == (
        f"fetcher jar not found: {tmp_path / 'nowhere.jar'} (build it with 'mvn -B -pl fetcher -am "
        "package -DskipTests', or set fetcher_jar in the Airflow Variable randomuser_settings, or the "
        "environment variable FETCHER_JAR)"
    )


def test_settings_default_to_the_local_stack():
    assert resolve_settings() == {
        "fetcher_jar": DEFAULT_JAR,
        "java": "java",
        "api_url": "http://127.0.0.1:18080",
        "bootstrap_servers": DEFAULT_BROKERS,
        "ingest_results": "100",
        "ingest_jitter_max_seconds": "20",
    }


def test_environment_overrides_defaults(monkeypatch):
    monkeypatch.setenv("FETCHER_JAR", "/opt/randomuser/fetcher.jar")
    monkeypatch.setenv("JAVA_HOME", "/usr/lib/jvm/java-17")
    monkeypatch.setenv("RANDOMUSER_API_URL", "http://emulator:18080")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    settings = resolve_settings()
    assert settings["fetcher_jar"] == "/opt/randomuser/fetcher.jar"
    assert settings["java"] == "/usr/lib/jvm/java-17/bin/java"
    assert settings["api_url"] == "http://emulator:18080"
    assert settings["bootstrap_servers"] == "kafka-1:9092,kafka-2:9092"
    monkeypatch.setenv("FETCHER_JAVA", "/usr/bin/java")
    assert resolve_settings()["java"] == "/usr/bin/java"


def test_settings_variable_overrides_environment(monkeypatch):
    monkeypatch.setenv("RANDOMUSER_API_URL", "http://emulator:18080")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092")
    set_settings_variable(monkeypatch, json.dumps({"api_url": "https://randomuser.me", "ingest_results": 7}))
    settings = resolve_settings()
    assert settings["api_url"] == "https://randomuser.me"
    assert settings["ingest_results"] == "7"
    assert settings["bootstrap_servers"] == "kafka-1:9092"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            '{"api_ulr": "x"}',
            "Airflow Variable randomuser_settings has unknown keys ['api_ulr']; known keys: "
            "['api_url', 'bootstrap_servers', 'fetcher_jar', 'ingest_jitter_max_seconds', "
            "'ingest_results', 'java']",
        ),
        ('["api_url"]', 'Airflow Variable randomuser_settings must be a JSON object, got: ["api_url"]'),
        (
            "api_url=x",
            "Airflow Variable randomuser_settings is not valid JSON: Expecting value: line 1 column 1 (char 0)",
        ),
    ],
)
def test_a_bad_settings_variable_is_reported_clearly(monkeypatch, value, message):
    set_settings_variable(monkeypatch, value)
    with pytest.raises(ValueError) as rejected:
        resolve_settings()
    assert str(rejected.value) == message


def test_fetcher_jar_defaults_to_the_checkout_then_to_the_image(tmp_path, monkeypatch):
    assert randomuser_common.PROJECT_FETCHER_JAR == DAGS_FOLDER.parent / "fetcher" / "target" / "fetcher.jar"
    image_jar = tmp_path / "image" / "fetcher.jar"
    image_jar.parent.mkdir()
    image_jar.write_bytes(b"")
    checkout_jar = tmp_path / "checkout" / "fetcher.jar"
    monkeypatch.setattr(randomuser_common, "IMAGE_FETCHER_JAR", image_jar)
    monkeypatch.setattr(randomuser_common, "PROJECT_FETCHER_JAR", checkout_jar)
    # Compose: the DAG folder is mounted alone, the image has the jar.
    assert resolve_settings()["fetcher_jar"] == str(image_jar)
    # A checkout with a built jar uses it.
    checkout_jar.parent.mkdir()
    checkout_jar.write_bytes(b"")
    assert resolve_settings()["fetcher_jar"] == str(checkout_jar)
