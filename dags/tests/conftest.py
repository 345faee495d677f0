"""Runs the DAG tests offline against a throwaway AIRFLOW_HOME.

Parsing the DAG files and rendering their templates needs Airflow's configuration but no metadata
database and no running Airflow, so this only points Airflow at a fresh temporary home and at this
DAG folder. It must run before anything imports Airflow, which is why it is done at import time.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

DAGS_FOLDER = Path(__file__).resolve().parent.parent

_airflow_home = tempfile.mkdtemp(prefix="randomuser-dag-tests-")
os.environ["AIRFLOW_HOME"] = _airflow_home
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS_FOLDER)
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{_airflow_home}/airflow.db"
# The tests import randomuser_common the way the DAG files do under Airflow: from the DAG folder.
sys.path.insert(0, str(DAGS_FOLDER))

from randomuser_common import SETTINGS, SETTINGS_VARIABLE  # noqa: E402  (needs the environment above)

# Tests start from the defaults: no setting leaks in from the machine running them. Tests that
# need one set it with monkeypatch.
for _name in [spec.env for spec in SETTINGS.values()] + [
    f"AIRFLOW_VAR_{SETTINGS_VARIABLE.upper()}",
    "RANDOMUSER_INGEST_SCHEDULE",
    "JAVA_HOME",
]:
    os.environ.pop(_name, None)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_airflow_home, ignore_errors=True)


def load_dagbag():
    """Parses the DAG folder the way Airflow's DAG processor does (bundle path on sys.path)."""
    from airflow.models.dagbag import BundleDagBag

    return BundleDagBag(dag_folder=str(DAGS_FOLDER), bundle_path=DAGS_FOLDER)


@pytest.fixture(scope="session")
def dagbag():
    return load_dagbag()


@pytest.fixture(scope="session")
def airflow_db():
    """A fresh SQLite metadata database in the temporary AIRFLOW_HOME, for tests that run DAGs."""
    from airflow.utils import db

    db.initdb()


@dataclass(frozen=True)
class FakeJava:
    """A stand-in for java that records its arguments and exits with $FAKE_JAVA_EXIT (default 0)."""

    java: Path
    jar: Path
    args_file: Path

    def recorded_args(self) -> list[str]:
        return self.args_file.read_text().split("\0")[:-1]


@pytest.fixture
def fake_java(tmp_path, monkeypatch) -> FakeJava:
    """FETCHER_JAVA/FETCHER_JAR point at a FakeJava and an empty jar file for this test."""
    fake = FakeJava(java=tmp_path / "java", jar=tmp_path / "fetcher.jar", args_file=tmp_path / "java-args")
    fake.java.write_text(
        '#!/usr/bin/env bash\nprintf \'%s\\0\' "$@" > "$FAKE_JAVA_ARGS"\nexit "${FAKE_JAVA_EXIT:-0}"\n'
    )
    fake.java.chmod(0o755)
    fake.jar.write_bytes(b"")
    monkeypatch.setenv("FAKE_JAVA_ARGS", str(fake.args_file))
    monkeypatch.setenv("FETCHER_JAVA", str(fake.java))
    monkeypatch.setenv("FETCHER_JAR", str(fake.jar))
    return fake
