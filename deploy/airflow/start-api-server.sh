#!/usr/bin/env bash
# Starts the Airflow API server with the admin login given in the environment (from .env).
# The simple auth manager reads passwords from a JSON file, so that file is written here, at start,
# from AIRFLOW_ADMIN_USERNAME / AIRFLOW_ADMIN_PASSWORD: the password is never in the image or in a
# committed file, and changing it in .env takes effect on the next `up`.
set -euo pipefail

for name in AIRFLOW_ADMIN_USERNAME AIRFLOW_ADMIN_PASSWORD AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE; do
  if [[ -z "${!name:-}" ]]; then
    echo "start-api-server: $name is not set (copy deploy/compose.env.example to .env and fill it in)" >&2
    exit 2
  fi
done

python3 - <<'PY'
import json
import os

path = os.environ["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"]
descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
with os.fdopen(descriptor, "w") as passwords:
    json.dump({os.environ["AIRFLOW_ADMIN_USERNAME"]: os.environ["AIRFLOW_ADMIN_PASSWORD"]}, passwords)
PY

exec airflow api-server "$@"
