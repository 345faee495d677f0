#!/usr/bin/env bash
# Airflow on the local stack, started by `./pipeline up` with the environment of airflow-local.env (PATH
# begins with the venv's bin): the metadata database created or brought up to date, then the three parts the
# pipeline uses, each `airflow <part>`:
#   scheduler      LocalExecutor; its log server (port 8793) serves the logs of tasks while they run
#   dag-processor  parses dags/
#   api-server     UI, REST API and the tasks' execution API, on 127.0.0.1:8080
# Not `airflow standalone`: it adds a parent Python process (~150 MiB resident) and a triggerer with a second
# log server (~280 MiB), and no task of this pipeline defers, so nothing would ever use them.
# When one part exits, the others are stopped and this script exits non-zero: the stack then shows Airflow down
# instead of a half-running one.
set -euo pipefail

airflow db migrate
airflow scheduler &
airflow dag-processor &
airflow api-server &

exit_status=0
wait -n || exit_status=$?
echo "run-local-airflow.sh: an Airflow part exited with status ${exit_status}; stopping the others" >&2
kill $(jobs -p) 2>/dev/null || true
wait || true
exit 1
