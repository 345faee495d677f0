"""The DAG folder parses cleanly, the way Airflow's DAG processor parses it."""

from __future__ import annotations

from conftest import DAGS_FOLDER


def test_dag_folder_imports_without_errors_or_warnings(dagbag):
    assert dagbag.import_errors == {}
    assert dagbag.captured_warnings == {}
    assert sorted(dagbag.dag_ids) == ["randomuser_backfill", "randomuser_ingest"]


def test_only_the_dag_files_are_parsed(dagbag):
    # randomuser_common.py and tests/ are in .airflowignore: never parsed as (broken) DAG files.
    parsed = sorted(stat.file for stat in dagbag.dagbag_stats)
    assert parsed == ["/randomuser_backfill.py", "/randomuser_ingest.py"]
    assert (DAGS_FOLDER / "randomuser_common.py").is_file()


def test_each_dag_file_defines_one_dag_with_one_task(dagbag):
    assert sorted((stat.file, stat.dags, stat.task_num) for stat in dagbag.dagbag_stats) == [
        ("/randomuser_backfill.py", "['randomuser_backfill']", 1),
        ("/randomuser_ingest.py", "['randomuser_ingest']", 1),
    ]
