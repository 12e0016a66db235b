#!/usr/bin/env bash
# Adds a migration named $1 for every module context, once per provider (Sqlite and SqlServer sets).
#   backend/scripts/add-migration.sh AddOfficials            # all modules
#   backend/scripts/add-migration.sh AddOfficials Organization
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
    echo "== $m / $provider"
    KHCN_EF_PROVIDER=$provider dotnet ef migrations add "$name" --no-build \
      --project "$project" --startup-project src/Host \
      --context "${m}DbContext" --output-dir "Data/Migrations/$provider" --namespace "$ns.$provider"
  done
done
