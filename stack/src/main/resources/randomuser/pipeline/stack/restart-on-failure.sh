#!/usr/bin/env bash
# Keeps one streaming job's driver running on the local stack, as compose's `restart: on-failure:N` keeps
# the same job's container: a driver that dies (kill -9, out of memory, a query that failed for good) is
# started again and resumes from its checkpoint, without anyone typing a command.
#
#   restart-on-failure.sh RECORD_FILE MAX_RESTARTS LOG_FILE COMMAND [ARG...]
#
# - Exit 0 (the query stopped cleanly) and SIGTERM or SIGINT to this script (./pipeline down) end it.
# - Any other exit is restarted after 2, 4, 8 ... seconds, at most MAX_RESTARTS times in a row. A run that
#   lasted HEALTHY_RUN_SECONDS (default 600) starts the row again: a crash a week later is restarted too,
#   while a setting that fails at every start ends as "failed" after its retries, not restarting forever.
# - RECORD_FILE (key=value lines, replaced whole) tells ./pipeline status the state, the restarts, and the
#   last exit with the driver's last error line, read from LOG_FILE (where the driver's output goes).
set -u

record_file=$1
max_restarts=$2
log_file=$3
shift 3
healthy_run_seconds=${HEALTHY_RUN_SECONDS:-600}
delay_seconds=${FIRST_RESTART_DELAY_SECONDS:-2}

restarts=0
restarts_in_a_row=0
last_exit=
last_exit_at=
last_error=
driver=
stopping=

write_record() {
    {
        echo "state=$1"
        echo "restarts=$restarts"
        echo "restarts_in_a_row=$restarts_in_a_row"
        echo "max_restarts=$max_restarts"
        echo "last_exit=$last_exit"
        echo "last_exit_at=$last_exit_at"
        echo "last_error=$last_error"
    } > "$record_file.tmp" && mv -f "$record_file.tmp" "$record_file"
}

stop() {
    stopping=1
    if [ -n "$driver" ]; then
        kill -TERM "$driver" 2>/dev/null
    fi
}
trap stop TERM INT

# The driver's last error line after the marker: its one-line message for a bad option ("error: ...") or
# the job's "streaming job failed" / "query failed" line without the log's date and level.
driver_error_after() {
    tail -c 1000000 "$log_file" 2>/dev/null | awk -v marker="$1" '
        index($0, marker) { error = "" }
        /^error: / { error = $0 }
        / ERROR (StreamingJob|QuerySupervisor): / { error = $0; sub(/^.* ERROR [A-Za-z]+: /, "", error) }
        END { print error }'
}

write_record running
while :; do
    marker="restart-on-failure: run $((restarts + 1)) starting at $(date -u +%FT%TZ)"
    echo "$marker"
    started=$SECONDS
    "$@" &
    driver=$!
    # A trapped signal ends `wait` early: wait again until the driver itself has ended.
    wait "$driver"
    code=$?
    while kill -0 "$driver" 2>/dev/null; do
        wait "$driver"
        code=$?
    done
    driver=
    if [ -n "$stopping" ] || [ "$code" -eq 0 ]; then
        write_record stopped
        exit "$code"
    fi
    last_exit=$code
    last_exit_at=$(date -u +%FT%TZ)
    last_error=$(driver_error_after "$marker")
    if [ $((SECONDS - started)) -ge "$healthy_run_seconds" ]; then
        restarts_in_a_row=0
        delay_seconds=${FIRST_RESTART_DELAY_SECONDS:-2}
    fi
    if [ "$restarts_in_a_row" -ge "$max_restarts" ]; then
        echo "restart-on-failure: exit $code; failed after $restarts_in_a_row restarts in a row, not restarted again"
        write_record failed
        exit "$code"
    fi
    restarts=$((restarts + 1))
    restarts_in_a_row=$((restarts_in_a_row + 1))
    echo "restart-on-failure: exit $code; restart $restarts_in_a_row of $max_restarts in ${delay_seconds}s"
    write_record restarting
    sleep "$delay_seconds" &
    wait $!
    if [ -n "$stopping" ]; then
        write_record stopped
        exit "$code"
    fi
    delay_seconds=$((delay_seconds * 2))
    write_record running
done
