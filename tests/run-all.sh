#!/usr/bin/env bash
# `make test`: every suite, each step bounded in time and independent of the others (a failing Vitest run
# does not stop the SPA build and the browser tests). A step that fails is listed in
# test-output/failed-steps.txt, which tests/summarize.mjs prints before the closing line
# "N passed, N failed, N skipped" (and counts as a failure).
set -uo pipefail
cd "$(dirname "$0")/.."

rm -rf frontend/test-results test-output
mkdir -p test-output
failed_steps="$PWD/test-output/failed-steps.txt"
: > "$failed_steps"

# step NAME TIME-LIMIT COMMAND...
step() {
  local name=$1 limit=$2 rc started=$SECONDS
  shift 2
  echo "== $name"
  timeout --kill-after=30s "$limit" "$@"
  rc=$?
  echo "== $name: $((SECONDS - started)) s" | tee -a "$PWD/test-output/step-times.txt"
  if (( rc == 124 || rc == 137 )); then
    echo "$name: stopped after $limit" | tee -a "$failed_steps"
  elif (( rc != 0 )); then
    echo "$name: exit code $rc" | tee -a "$failed_steps"
  fi
  return $rc
}

step "dotnet tests" 40m bash tests/run-dotnet-tests.sh

if [[ -f frontend/package.json ]]; then
  if step "npm ci" 15m npm --prefix frontend ci --no-audit --no-fund; then
    step "eslint" 10m npm --prefix frontend run lint
    step "vitest" 20m npm --prefix frontend test
    step "SPA build" 15m npm --prefix frontend run build && step "bundle budget" 5m npm --prefix frontend run check:budget
    if [[ -f frontend/dist/index.html ]]; then
      step "browser e2e" 30m npm --prefix frontend run test:e2e
    else
      echo "browser e2e: not run, the SPA did not build" | tee -a "$failed_steps"
    fi
  fi
fi

step "OpenAPI lint" 10m make --no-print-directory lint-openapi

node tests/summarize.mjs
