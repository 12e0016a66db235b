#!/usr/bin/env bash
# Runs every .NET test project listed below that exists, one TRX file per project in test-output/dotnet/
# (read by tests/summarize.mjs). Builds the solution once first (skip with SKIP_BUILD=1 when already built
# in Release), keeps going after a failing project and exits non-zero at the end if any failed.
# Extra arguments are passed to every `dotnet test` (e.g. --filter ...).
set -uo pipefail
cd "$(dirname "$0")/.."

projects=(
  tests/UnitTests/UnitTests.csproj
  tests/ArchitectureTests/ArchitectureTests.csproj
  tests/IntegrationTests/IntegrationTests.csproj
  tests/IntegrationTests.SqlServer/IntegrationTests.SqlServer.csproj
)
solution=backend/Khcn.slnx
results="$PWD/test-output/dotnet"

rm -rf "$results" && mkdir -p "$results"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  dotnet build "$solution" -c Release || { echo "run-dotnet-tests: build failed" >&2; exit 1; }
fi

failed=()
for proj in "${projects[@]}"; do
  name=$(basename "$proj" .csproj)
  if [[ ! -f "$proj" ]]; then
    echo "run-dotnet-tests: $proj does not exist yet, skipped"
    continue
  fi
  # A test project missing from the solution was not built above: build it on its own.
  if [[ "${SKIP_BUILD:-0}" != 1 ]] && ! grep -qF "/$name.csproj" "$solution"; then
    dotnet build "$proj" -c Release || { failed+=("$name (build)"); continue; }
  fi
  echo "== dotnet test $name"
  dotnet test "$proj" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" \
    || failed+=("$name")
done

if (( ${#failed[@]} )); then
  echo "run-dotnet-tests: failed: ${failed[*]}" >&2
  exit 1
fi
