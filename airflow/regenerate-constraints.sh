#!/usr/bin/env bash
# Regenerates airflow/constraints.txt: every package that `pip install -r airflow/requirements.txt`
# pulls in, pinned to the newest version that had been uploaded to PyPI by CUTOFF.
#
# Why a cutoff: pip without constraints takes whatever is newest on the day of the install, and
# Airflow installs are known to break that way (a newer FastAPI/Starlette than the release was
# tested with). The cutoff is two days after apache-airflow 3.1.8 was uploaded (2026-03-11), so the
# set is what a user installing 3.1.8 in its release week got.
#
# Run this only when the Airflow version in requirements.txt changes (then move CUTOFF to that
# release's week), and commit the result. Installs never run it: they use the committed file.
# Needs network access to PyPI; uv is installed into a throwaway virtualenv.
set -euo pipefail

CUTOFF="2026-03-14T00:00:00Z"
PYTHON_VERSION="3.11"
UV_VERSION="0.13.9"

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "uv==${UV_VERSION}"

cd "$here"
"$work/venv/bin/uv" pip compile requirements.txt \
  --python-version "$PYTHON_VERSION" \
  --exclude-newer "$CUTOFF" \
  --custom-compile-command "airflow/regenerate-constraints.sh" \
  --output-file constraints.txt --quiet
echo "wrote $here/constraints.txt"
