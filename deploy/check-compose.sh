#!/usr/bin/env bash
# Validates the three compose files with `docker-compose config` (no Docker engine needed), using a
# temporary env file made from deploy/compose.env.example, so the check never reads the real .env
# and proves the example defines every variable the files use. Installs Debian's docker-compose
# when it is missing. One line per file; exits non-zero if any file is invalid.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files=(docker-compose-kafka.yaml docker-compose-spark.yaml docker-compose-airflow.yaml)

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "check-compose: installing docker-compose (apt-get)"
  if [[ "$(id -u)" -eq 0 ]]; then
    apt_get=(apt-get)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt_get=(sudo -n apt-get)
  else
    echo "check-compose: docker-compose is missing; install it with: sudo apt-get install -y docker-compose" >&2
    exit 1
  fi
  if ! { "${apt_get[@]}" install -y docker-compose >/dev/null 2>&1 ||
         { "${apt_get[@]}" update >/dev/null 2>&1 && "${apt_get[@]}" install -y docker-compose >/dev/null 2>&1; }; }; then
    echo "check-compose: could not install docker-compose with apt-get (is the Debian mirror reachable?)" >&2
    exit 1
  fi
fi
version="$(docker-compose version --short 2>/dev/null || echo unknown)"

env_file="$(mktemp)"
errors="$(mktemp)"
trap 'rm -f "$env_file" "$errors"' EXIT
cp "$root/deploy/compose.env.example" "$env_file"

failed=0
for file in "${files[@]}"; do
  # Anything on stderr counts as a failure too: e.g. a variable the example env file does not define.
  if (cd "$root" && docker-compose --env-file "$env_file" -f "$file" config --quiet) 2>"$errors" && [[ ! -s "$errors" ]]; then
    echo "ok      $file (docker-compose $version config)"
  else
    echo "INVALID $file: $(tr '\n' ' ' <"$errors")"
    failed=1
  fi
done
exit "$failed"
