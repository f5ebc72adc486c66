#!/usr/bin/env bash
# The benchmark in one command (issue 8):
#
#   bench/run.sh BUILD_DIR [--quick] [--sizes 1000,10000,100000] [--runs N] [--keep]
#
# Configures BUILD_DIR as a Release build if it is not configured yet, builds kith and the
# benchmark's programs there, and runs them. A full run writes bench/RESULTS.md; --quick (a
# check that everything still runs, at 1,000 people with two runs each) writes
# BUILD_DIR/bench/RESULTS-quick.md instead, so it never overwrites the committed figures.
# Data sets live in a fresh /tmp/kith-bench-* directory, removed afterwards unless --keep.
set -euo pipefail

if [ "$#" -lt 1 ] || [ "${1#-}" != "$1" ]; then
    echo "usage: $0 BUILD_DIR [--quick] [--sizes 1000,10000,100000] [--runs N] [--keep]" >&2
    exit 2
fi
build=$1
shift
source_dir=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$source_dir" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
out="$source_dir/bench/RESULTS.md"
for arg in "$@"; do
    if [ "$arg" = "--quick" ]; then out="$build/bench/RESULTS-quick.md"; fi
done
if [ "$out" = "$source_dir/bench/RESULTS.md" ] && [ "$build_type" != "Release" ]; then
    echo "$0: $build is a '$build_type' build: the committed figures come from a Release build" >&2
    exit 2
fi

cmake --build "$build" --target kith_bench -j"${JOBS:-2}" >/dev/null
exec "$build/bench/kith_bench" --out "$out" "$@"
