"""Shared pieces of the randomuser DAGs: where settings come from, and how the fetcher is called.

This module defines no DAG. It is listed in .airflowignore so the DAG processor does not parse it
as a DAG file; the DAG files import it (Airflow puts the DAG folder on sys.path).

Each DAG's one task is a `@task.bash` whose function returns the fetcher's command line, built when the
task runs from the run's id and params and the settings (fetch_command). The fetcher's argument vector
is joined with shlex.join, so a seed or a setting holding quotes, spaces or `$(...)` stays one literal
argument.
"""

from __future__ import annotations

import json
import os
import random
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from airflow.exceptions import AirflowFailException
from airflow.sdk import Variable

# Nationality codes the Random User API v1.4 accepts for `nat`, with the names the trigger form shows.
NATIONALITY_NAMES: dict[str, str] = {
    "AU": "Australia",
    "BR": "Brazil",
    "CA": "Canada",
    "CH": "Switzerland",
    "DE": "Germany",
    "DK": "Denmark",
    "ES": "Spain",
    "FI": "Finland",
    "FR": "France",
    "GB": "United Kingdom",
    "IE": "Ireland",
    "IN": "India",
    "IR": "Iran",
    "MX": "Mexico",
    "NL": "Netherlands",
    "NO": "Norway",
    "NZ": "New Zealand",
    "RS": "Serbia",
    "TR": "Turkey",
    "UA": "Ukraine",
    "US": "United States",
}
NATIONALITIES: list[str] = list(NATIONALITY_NAMES)

# The API serves at most this many users per request (page).
MAX_RESULTS_PER_PAGE = 5000

DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292"
DEFAULT_API_URL = "http://127.0.0.1:18080"
# Where the Airflow image of the Docker Compose setup keeps the fetcher jar.
IMAGE_FETCHER_JAR = Path("/opt/randomuser/fetcher.jar")
# Where the Maven build puts it in a checkout: <project>/fetcher/target/fetcher.jar, next to dags/.
PROJECT_FETCHER_JAR = Path(__file__).resolve().parent.parent / "fetcher" / "target" / "fetcher.jar"


def _default_fetcher_jar() -> str:
    # The checkout's jar wins when it exists; the image's path is the fallback for Compose, where
    # the DAG folder is mounted without the rest of the project.
    if not PROJECT_FETCHER_JAR.is_file() and IMAGE_FETCHER_JAR.is_file():
        return str(IMAGE_FETCHER_JAR)
    return str(PROJECT_FETCHER_JAR)


def _default_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    return str(Path(java_home) / "bin" / "java") if java_home else "java"


DEFAULT_INGEST_SCHEDULE = "* * * * *"


def ingest_schedule() -> str | None:
    """The ingest DAG's cron schedule from RANDOMUSER_INGEST_SCHEDULE; "none" turns scheduling off.

    Read from the environment while parsing, not from an Airflow Variable: a Variable read at parse
    time would cost a metadata round trip every time the DAG processor parses the file.
    """
    value = os.environ.get("RANDOMUSER_INGEST_SCHEDULE", "").strip() or DEFAULT_INGEST_SCHEDULE
    return None if value.lower() == "none" else value


@dataclass(frozen=True)
class Setting:
    """A setting's environment variable, and its default when neither the Variable nor it is set."""

    env: str
    default: Callable[[], str]


# All settings live in ONE optional Airflow Variable holding a JSON object, for example
# {"api_url": "https://randomuser.me", "ingest_results": 500}. One Variable means one lookup per
# task run (Airflow 3.1 logs an error line for every Variable it does not find).
SETTINGS_VARIABLE = "randomuser_settings"
SETTINGS: dict[str, Setting] = {
    "fetcher_jar": Setting("FETCHER_JAR", _default_fetcher_jar),
    "java": Setting("FETCHER_JAVA", _default_java),
    "api_url": Setting("RANDOMUSER_API_URL", lambda: DEFAULT_API_URL),
    "bootstrap_servers": Setting("KAFKA_BOOTSTRAP_SERVERS", lambda: DEFAULT_BOOTSTRAP_SERVERS),
    "ingest_results": Setting("RANDOMUSER_INGEST_RESULTS", lambda: "100"),
    "ingest_jitter_max_seconds": Setting("RANDOMUSER_INGEST_JITTER_MAX_SECONDS", lambda: "20"),
}


def _variable_overrides() -> dict[str, object]:
    raw = Variable.get(SETTINGS_VARIABLE, default=None)
    if raw is None or not str(raw).strip():
        return {}
    try:
        overrides = json.loads(raw)
    except ValueError as error:
        raise ValueError(f"Airflow Variable {SETTINGS_VARIABLE} is not valid JSON: {error}") from None
    if not isinstance(overrides, dict):
        raise ValueError(f"Airflow Variable {SETTINGS_VARIABLE} must be a JSON object, got: {raw}")
    unknown = sorted(set(overrides) - set(SETTINGS))
    if unknown:
        raise ValueError(
            f"Airflow Variable {SETTINGS_VARIABLE} has unknown keys {unknown}; known keys: {sorted(SETTINGS)}"
        )
    return overrides


def resolve_settings() -> dict[str, str]:
    """Every setting: the Variable's key first, then the environment variable, then the default.

    Called by the tasks' functions, so only when a task runs, never while the DAG file is parsed.
    """
    overrides = _variable_overrides()
    resolved = {}
    for name, spec in SETTINGS.items():
        override = overrides.get(name)
        value = "" if override is None else str(override).strip()
        resolved[name] = value or os.environ.get(spec.env, "").strip() or spec.default()
    return resolved


def _bounded_int(settings: dict[str, str], name: str, low: int, high: int) -> int:
    raw = settings[name]
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise ValueError(
            f"setting {name} (key of the Airflow Variable {SETTINGS_VARIABLE}, or environment variable "
            f"{SETTINGS[name].env}) must be an integer from {low} to {high}, got {raw!r}"
        )
    return value


def fetch_command(
    settings: dict[str, str],
    *,
    run_id: str,
    results: int,
    pages: int,
    seed: str | None = None,
    nat: list[str] | None = None,
    gender: str | None = None,
    jitter_seconds: int = 0,
) -> str:
    """The fetch task's Bash command: `exec` of the fetcher, so the task's exit code is the fetcher's.

    Optional flags are left out when unset. A missing jar fails the task at once, without retries: no
    retry builds it.
    """
    jar = settings["fetcher_jar"]
    if not Path(jar).is_file():
        raise AirflowFailException(
            f"fetcher jar not found: {jar} (build it with 'mvn -B -pl fetcher -am package -DskipTests', or set "
            f"fetcher_jar in the Airflow Variable {SETTINGS_VARIABLE}, or the environment variable FETCHER_JAR)"
        )
    args = [settings["java"], "-jar", jar, "--results", str(results), "--pages", str(pages)]
    if seed:
        args += ["--seed", seed]
    if nat:
        args += ["--nat", ",".join(nat)]
    if gender not in (None, "any"):
        args += ["--gender", gender]
    args += ["--run-id", run_id, "--api-url", settings["api_url"], "--bootstrap-servers", settings["bootstrap_servers"]]
    # Airflow renders the returned command as a Jinja template before bash runs it, so template syntax in
    # a value would be evaluated rather than passed on. The run's own values cannot hold it (Airflow's run
    # id pattern and the form's Params leave out braces); a setting could, and is refused.
    templated = next((arg for arg in args if any(mark in arg for mark in ("{{", "{%", "{#"))), None)
    if templated is not None:
        raise AirflowFailException(
            f"the fetch command's argument {templated!r} holds Jinja template syntax ({{{{, {{% or {{#), which "
            f"Airflow would evaluate; check the settings (Airflow Variable {SETTINGS_VARIABLE} or the environment)"
        )
    command = "exec " + shlex.join(args)
    if jitter_seconds > 0:
        command = f"echo 'jitter: waiting {jitter_seconds} s before the fetch'; sleep {jitter_seconds}; {command}"
    return command


def ingest_command(run_id: str) -> str:
    """One page of ingest_results users, after a random 0..ingest_jitter_max_seconds pause.

    The pause makes scheduled fetches happen at random moments rather than on the minute.
    """
    settings = resolve_settings()
    return fetch_command(
        settings,
        run_id=run_id,
        results=_bounded_int(settings, "ingest_results", 1, MAX_RESULTS_PER_PAGE),
        pages=1,
        jitter_seconds=random.randint(0, _bounded_int(settings, "ingest_jitter_max_seconds", 0, 3600)),
    )


def backfill_command(params: Mapping[str, Any], run_id: str) -> str:
    """The trigger form's values (already validated against the DAG's Params by Airflow)."""
    return fetch_command(
        resolve_settings(),
        run_id=run_id,
        results=params["results"],
        pages=params["pages"],
        seed=params["seed"],
        nat=params["nat"],
        gender=params["gender"],
    )
