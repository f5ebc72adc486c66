#!/bin/sh
# Builds kith's libFuzzer harnesses with clang (with ASan and UBSan) and runs each for SECONDS.
#
#   fuzz/run.sh [SECONDS [HARNESS...]]     e.g. fuzz/run.sh 30, fuzz/run.sh 600 vcard csv
#
# Harnesses: dates vcard csv json config reading (all by default). Each starts from its seeds
# (tests/fixtures, fuzz/seeds) and the corpus it grew before, in BUILD/corpus/HARNESS; a crash
# is saved as BUILD/crashes/HARNESS-crash-…, to be reproduced with BUILD/fuzz/fuzz_HARNESS FILE
# and kept as a unit test. BUILD is $KITH_FUZZ_BUILD, else build-fuzz. Exits 1 if any crashed.
set -eu

seconds=${1:-60}
[ "$#" -gt 0 ] && shift
harnesses=${*:-dates vcard csv json config reading}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${KITH_FUZZ_BUILD:-$root/build-fuzz}

# The seeds each harness starts from; no seeds, no such harness.
seeds_of() {
    case $1 in
        dates) echo "$root/fuzz/seeds/dates" ;;
        vcard) echo "$root/tests/fixtures/vcard" ;;
        csv) echo "$root/tests/fixtures/csv" ;;
        json) echo "$root/fuzz/seeds/json" ;;
        config) echo "$root/fuzz/seeds/config $root/examples" ;;
        reading) echo "$root/fuzz/seeds/reading" ;;
        *) return 1 ;;
    esac
}
for harness in $harnesses; do
    seeds_of "$harness" >/dev/null || { echo "$0: no harness $harness (dates vcard csv json config reading)" >&2; exit 2; }
done

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKITH_FUZZ=ON >/dev/null
targets=
for harness in $harnesses; do targets="$targets fuzz_$harness"; done
# shellcheck disable=SC2086 # one target per word
cmake --build "$build" -j "${KITH_FUZZ_JOBS:-2}" --target $targets

# One harness per job, KITH_FUZZ_JOBS at a time (2: one per core of a CI machine), each for
# SECONDS of its own core; their results are printed in order once each batch is done.
run_harness() {
    harness=$1
    seeds=$(seeds_of "$harness")
    dict=
    [ -f "$root/fuzz/$harness.dict" ] && dict="-dict=$root/fuzz/$harness.dict"
    mkdir -p "$build/corpus/$harness" "$build/crashes"
    log="$build/fuzz_$harness.log"
    # shellcheck disable=SC2086 # seeds and dict are lists of words
    if "$build/fuzz/fuzz_$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/crashes/$harness-" $dict \
        "$build/corpus/$harness" $seeds >"$log" 2>&1; then
        result=ok
    else
        result=CRASHED
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz_$harness: $result, ${runs:-?} executions in ${seconds}s (log: $log)" >"$build/fuzz_$harness.result"
}

status=0
batch=
report() {
    wait
    for done_harness in $batch; do
        line=$(cat "$build/fuzz_$done_harness.result")
        case $line in *CRASHED*) status=1; tail -n 60 "$build/fuzz_$done_harness.log" ;; esac
        echo "$line"
    done
    batch=
}
for harness in $harnesses; do
    rm -f "$build/fuzz_$harness.result"
    run_harness "$harness" &
    batch="$batch $harness"
    # shellcheck disable=SC2086 # count the words
    set -- $batch
    [ "$#" -ge "${KITH_FUZZ_JOBS:-2}" ] && report
done
report
exit "$status"
