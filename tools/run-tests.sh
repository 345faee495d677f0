#!/usr/bin/env bash
# ./pipeline test [--unit-only]: every test of the project. The pipeline script builds the jars and hands `test`
# over to this script. Maven runs here, never inside the CLI that Maven builds: the CLI is called between the
# suites for what concerns the stacks (`./pipeline test prepare | environment | resume-your-stack | count`).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pipeline="$root/pipeline"
# The Python tools pinned with Airflow, in the virtualenv the stack installs (StackLayout.airflowVenv()).
venv_bin="$root/.local/airflow/venv/bin"
mvn=(mvn -B -ntp -Dstyle.color=never)

usage() {
  cat <<'USAGE'
Usage: ./pipeline test [--unit-only]
Runs every test: DAG tests (pytest), Python lint and format (ruff), Java format (spotless), compose checks, unit
tests (mvn verify -DskipITs), then integration, end-to-end and browser tests (mvn verify -DskipUnitTests) on a
fresh local stack of their own (var/test-stack/, started with ./pipeline up --no-trigger, stopped at the end).
A running stack of yours is stopped for the run and started again after it, its data untouched.
  --unit-only   only the tests that need no server; no stack is touched.
USAGE
}

unit_only=false
for arg in "$@"; do
  case "$arg" in
    --unit-only) unit_only=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "pipeline test: unknown option '$arg' (see ./pipeline test --help)" >&2; exit 2 ;;
  esac
done

cd "$root"
started=$SECONDS
summary=()
failed=false

# phase NAME COMMAND...: runs one step or suite with its output on this console; keeps its outcome and time.
phase() {
  local name="$1" began=$SECONDS outcome=passed took shown
  shift
  shown="$*"
  echo
  echo "==> $name: ${shown#on_test_stack }"
  "$@" </dev/null || outcome=FAILED
  took=$((SECONDS - began))
  summary+=("$(printf '  %-6s %7s  %s' "$outcome" "$((took / 60))m$(printf '%02d' $((took % 60)))s" "$name")")
  if [ "$outcome" = FAILED ]; then
    failed=true
    return 1
  fi
}

print_summary() {
  local took=$((SECONDS - started))
  echo
  printf '%s\n' "${summary[@]}"
  echo "took $((took / 60))m$(printf '%02d' $((took % 60)))s"
}

prepare=("$pipeline" test prepare)
$unit_only && prepare+=(--unit-only)
if ! phase "install what the tests need" "${prepare[@]}"; then
  print_summary
  echo "pipeline: the tests could not be prepared (the reason is above)" >&2
  exit 1
fi

# Every suite runs on the test stack: its state folder and its servers' addresses in the environment.
mapfile -t test_environment < <("$pipeline" test environment)
on_test_stack() {
  env "${test_environment[@]}" "$@"
}
test_state=""
for variable in "${test_environment[@]}"; do
  [[ "$variable" == PIPELINE_STATE_DIR=* ]] && test_state="${variable#*=}"
done

phase "DAG tests (pytest)" on_test_stack "$venv_bin/pytest" -q -p no:cacheprovider \
  --junitxml="$test_state/test-reports/pytest.xml" dags/tests
phase "Python lint (ruff check)" on_test_stack "$venv_bin/ruff" check dags
phase "Python format (ruff format --check)" on_test_stack "$venv_bin/ruff" format --check dags
# The Java's format, by the rules of the spotless plugin in the parent pom (mvn spotless:apply fixes).
phase "Java format (mvn spotless:check)" on_test_stack "${mvn[@]}" spotless:check
phase "compose files (docker-compose config)" on_test_stack bash deploy/check-compose.sh
phase "unit tests (mvn verify -DskipITs)" on_test_stack "${mvn[@]}" verify -DskipITs

if ! $unit_only; then
  stop_test_stack_and_resume_yours() {
    echo "stopping the test stack ..."
    phase "stop the test stack (./pipeline down)" on_test_stack "$pipeline" down
    phase "start your stack again (if the tests stopped it)" "$pipeline" test resume-your-stack
  }
  interrupted() {
    echo "interrupted" >&2
    stop_test_stack_and_resume_yours
    exit 130
  }
  trap interrupted INT TERM
  if phase "start the test stack (./pipeline up --no-trigger)" on_test_stack "$pipeline" up --no-trigger; then
    phase "integration, end-to-end and browser tests (mvn verify -DskipUnitTests)" \
      on_test_stack "${mvn[@]}" verify -DskipUnitTests=true
  fi
  stop_test_stack_and_resume_yours
  trap - INT TERM
fi

print_summary
"$pipeline" test count || failed=true
if $failed; then
  echo "pipeline: some tests failed (see the suites above; logs of the servers in ${test_state#"$root"/}/logs/)" >&2
  exit 1
fi
