#!/usr/bin/env bash
# Runs one suite with node's test runner: test/run-tests.sh unit|integration [extra node flags].
# Node 20's --test takes no globs, so the files are listed here.
set -euo pipefail
suite=$1; shift
cd "$(dirname "$0")/.."
mapfile -t files < <(find "test/$suite" -name '*.test.ts' | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no $suite tests found" >&2; exit 1; fi
exec node --import tsx --test --test-reporter=spec "$@" "${files[@]}"
