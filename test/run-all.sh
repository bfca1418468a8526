#!/usr/bin/env bash
# `npm test`: type check, unit, integration (real Postgres, Redis where REDIS_URL is set, real MCP
# clients) and browser tests (Playwright on Debian's Chromium). Every suite runs even if one fails;
# the last line sums them up.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
logs=$(mktemp -d)
failed_suites=()

run_suite() {
  local name=$1; shift
  printf '\n== %s ==\n' "$name"
  "$@" 2>&1 | tee "$logs/$name.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || failed_suites+=("$name")
}

if [ -z "${REDIS_URL:-}" ]; then
  echo "REDIS_URL is unset: Redis-backed tests will be skipped (set REDIS_URL=redis://127.0.0.1:6379 to run them)."
fi
if [ -z "${DATABASE_URL:-}" ]; then
  echo "DATABASE_URL is unset: tests use an embedded Postgres."
fi

# The type check (one core, most of a minute) runs beside the unit tests, whose files mostly wait
# on their own start-up; its output is printed once it is done. Unit files share nothing (free
# ports, their own temp folders): two at a time. Integration files start hubs, nginx and
# Postgres servers of their own (free ports, fresh databases); they wait on conditions, not fixed
# sleeps, so two run at a time as well (one at a time took 16 min in CI once issue 10's tests grew).
npx tsc --noEmit -p . > "$logs/typecheck.log" 2>&1 &
typecheck=$!
run_suite unit bash test/run-tests.sh unit --test-concurrency=2
printf '\n== typecheck ==\n'
wait "$typecheck" || failed_suites+=(typecheck)
cat "$logs/typecheck.log"
run_suite integration bash test/run-tests.sh integration --test-concurrency=2
run_suite e2e npx playwright test

# node:test prints "ℹ pass N" / "ℹ fail N"; Playwright prints "N passed" / "N failed" / "N skipped".
count() { grep -hoE "$1" "$logs"/*.log | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(( $(count 'ℹ pass [0-9]+') + $(count '^ +[0-9]+ passed') ))
failed=$(( $(count 'ℹ fail [0-9]+') + $(count '^ +[0-9]+ failed') ))
# node:test's own "skipped" count leaves out skipped suites (e.g. Redis-backed ones): count its ﹣ marks.
skipped=$(( $(cat "$logs"/*.log | grep -cE '^\s*﹣') + $(count '^ +[0-9]+ skipped') ))
printf '\n'
if [ "${#failed_suites[@]}" -gt 0 ]; then echo "Failed suites: ${failed_suites[*]}"; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "${#failed_suites[@]}" -eq 0 ]
