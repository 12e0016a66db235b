#!/usr/bin/env bash
# Adds a migration named $1 for every module context, once per provider (Sqlite and SqlServer sets).
#   backend/scripts/add-migration.sh AddOfficials            # all modules
#   backend/scripts/add-migration.sh AddOfficials Organization
# Both sets use the same context class, so both snapshots are called <Context>ModelSnapshot.cs; dotnet-ef finds
# the snapshot to update by file name, so the other provider's snapshot is put aside while one set is generated.
set -euo pipefail
name=${1:?usage: add-migration.sh Name [Module...]}
shift
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(Platform Organization Training Participation Finance)
dotnet build src/Host -v q -nologo >/dev/null
for m in "${modules[@]}"; do
  if [ "$m" = Platform ]; then project=src/Platform; ns=Khcn.Platform.Data.Migrations; else project=src/Modules/$m/$m; ns=Khcn.$m.Data.Migrations; fi
  for provider in Sqlite SqlServer; do
    other=$([ $provider = Sqlite ] && echo SqlServer || echo Sqlite)
    dir="$project/Data/Migrations/$provider"
    aside="$project/Data/Migrations/$other/${m}DbContextModelSnapshot.cs"
    [ -f "$aside" ] && mv "$aside" "$aside.aside"
    echo "== $m / $provider"
    KHCN_EF_PROVIDER=$provider dotnet ef migrations add "$name" --no-build \
      --project "$project" --startup-project src/Host \
      --context "${m}DbContext" --output-dir "Data/Migrations/$provider" --namespace "$ns.$provider" || { [ -f "$aside.aside" ] && mv "$aside.aside" "$aside"; exit 1; }
    # A first snapshot lands in a folder named after its namespace; keep it beside its migrations.
    stray=$(find "$project" -path "$project/obj" -prune -o -path "$project/bin" -prune -o -name "${m}DbContextModelSnapshot.cs" -print \
      | grep -v -e "^$project/Data/Migrations/Sqlite/" -e "^$project/Data/Migrations/SqlServer/" || true)
    if [ -n "$stray" ]; then mkdir -p "$dir"; mv $stray "$dir/"; find "$project" -depth -type d -empty -delete; fi
    [ -f "$aside.aside" ] && mv "$aside.aside" "$aside"
  done
done
