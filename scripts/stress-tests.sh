#!/usr/bin/env bash
# Runs the integration tests (every file in tests/tests) N times in a row while a
# background load keeps every core busy, to show that no test depends on an idle
# machine: a test that relies on timing or scheduling it is not promised fails here.
#
# Usage:
#   bash scripts/stress-tests.sh [N] [CARGO_TEST_ARGS...]
#
#   N                 how many runs (default 20)
#   CARGO_TEST_ARGS   passed to `cargo test -p twill-tests` instead of the default
#                     `--tests`, e.g. to stress one file or one test:
#                       bash scripts/stress-tests.sh 50 --test faults
#                       bash scripts/stress-tests.sh 30 --test faults -- --nocapture thousand
#
# It builds the tests once (before the load starts), installs Prism when missing (the
# Prism test needs it; see scripts/install-prism.sh, needs Node.js and npm), then
# starts one busy loop per core, and stops them when it ends, however it ends (an
# interrupt or a TERM also stops the run under way, test processes included). Each
# run's log is kept as target/stress/run-K.log (the folder is emptied first). Prints a
# line per run, then `stress: K/N runs green`, and, for each failed run, which tests
# failed and where its log is. Exits non-zero if any run failed. CI does not run it.
set -euo pipefail
# Job control: each background job gets a process group of its own, so that stopping a
# run stops cargo and the test processes it started.
set -m
cd "$(dirname "$0")/.."

runs=20
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
if [[ $runs -lt 1 ]]; then
    echo "stress: N must be at least 1" >&2
    exit 2
fi
if [[ $# -gt 0 ]]; then
    test_args=("$@")
else
    test_args=(--tests)
fi

logs=target/stress
rm -rf "$logs"
mkdir -p "$logs"

echo "stress: building: cargo test -p twill-tests --no-run ${test_args[*]}"
cargo test -p twill-tests --no-run "${test_args[@]}" >"$logs/build.log" 2>&1 || {
    cat "$logs/build.log" >&2
    echo "stress: the build failed" >&2
    exit 1
}
bash scripts/install-prism.sh >"$logs/install-prism.log" 2>&1 || {
    cat "$logs/install-prism.log" >&2
    echo "stress: Prism could not be installed (needs Node.js and npm)" >&2
    exit 1
}

# The background load: one busy loop per core, each a subshell of its own, stopped
# on any exit, with the run under way if any. The runs compete with it for every core.
cores=$(nproc)
load_pids=()
run_pid=
stop_all() {
    local pid
    if [[ -n $run_pid ]]; then
        kill -TERM -- "-$run_pid" 2>/dev/null || true
        wait "$run_pid" 2>/dev/null || true
        run_pid=
    fi
    for pid in "${load_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${load_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    load_pids=()
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for _ in $(seq "$cores"); do
    (while :; do :; done) &
    load_pids+=("$!")
done
echo "stress: $runs runs of cargo test -p twill-tests ${test_args[*]}, with $cores busy loops beside"

started=$SECONDS
green=0
failures=()
for run in $(seq "$runs"); do
    log="$logs/run-$run.log"
    run_started=$SECONDS
    # In the background and waited for, so that a signal is acted on at once.
    cargo test -p twill-tests --no-fail-fast "${test_args[@]}" >"$log" 2>&1 &
    run_pid=$!
    status=0
    wait "$run_pid" || status=$?
    run_pid=
    took=$((SECONDS - run_started))
    if [[ $status -eq 0 ]]; then
        green=$((green + 1))
        echo "stress: run $run/$runs green (${took} s)"
    else
        # libtest and the harness=false tests print `test NAME ... FAILED` under
        # cargo's `Running tests/FILE.rs` line; cargo also names each test file that
        # failed (`rerun pass ...`), which covers a harness=false test that failed
        # as a whole. The backquotes are cargo's, not the shell's.
        tests=$(awk '
            /^ +Running / { file = $2; sub(/^tests\//, "", file); sub(/\.rs$/, "", file) }
            /^test .* \.\.\. FAILED$/ {
                name = $0; sub(/^test /, "", name); sub(/ \.\.\. FAILED$/, "", name)
                print file "::" name
            }' "$log" | sort -u | paste -sd ' ' -)
        # shellcheck disable=SC2016
        files=$(grep -oE 'rerun pass `[^`]*`' "$log" | sed -E 's/.*--test ([^` ]*).*/\1/' |
            sort -u | paste -sd ' ' - || true)
        failed="tests: ${tests:-none named}; files: ${files:-none named}; exit status $status"
        failures+=("run $run: $failed; log: $log")
        echo "stress: run $run/$runs FAILED (${took} s): $failed"
    fi
done
stop_all

echo "stress: $green/$runs runs green ($((SECONDS - started)) s with the load)"
for failure in "${failures[@]}"; do
    echo "stress: failed $failure"
done
[[ $green -eq $runs ]]
