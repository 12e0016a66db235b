# The two commands of README.md: `make run` and `make test`.
PORT ?= 8080
DATA_DIR ?= $(CURDIR)/data
CONFIG ?= Release
HOST_DLL := backend/src/Host/bin/$(CONFIG)/net10.0/Host.dll

.PHONY: run test build backend frontend test-backend test-frontend test-e2e lint-openapi openapi migration seed-scale perf

## Build everything and start the API + SPA on http://localhost:$(PORT) (SQLite under $(DATA_DIR), demo data).
run: build
	cd backend/src/Host && ASPNETCORE_URLS=http://localhost:$(PORT) DataDir="$(DATA_DIR)" Seed__Demo=true \
		Spa__RootPath="$(CURDIR)/frontend/dist" dotnet bin/$(CONFIG)/net10.0/Host.dll

build: backend frontend

backend:
	dotnet build backend/src/Host -c $(CONFIG) -nologo -v q

frontend:
	@if [ -f frontend/package.json ]; then cd frontend && npm ci --no-audit --no-fund && npm run build; fi

## Every suite; the last line is the summary "N passed, N failed, N skipped".
test:
	@bash tests/run-all.sh

## Spectral with the shared ruleset over the committed OpenAPI document (zero errors required).
lint-openapi:
	@if [ ! -d tests/openapi/node_modules ]; then cd tests/openapi && npm ci --no-audit --no-fund; fi
	cd tests/openapi && npx --no-install spectral lint -r ../../backend/openapi.spectral.yaml ../../backend/openapi.json --fail-severity error

## The province-scale dataset of the benchmarks in $(SCALE_DIR): ~2,000 units, 5,000 enterprises × 3 years, 3 years of reports.
SCALE_DIR ?= $(CURDIR)/data-scale
seed-scale: backend
	cd backend/src/Host && DataDir="$(SCALE_DIR)" Seed__Demo=true Seed__Scale=true Jobs__Enabled=false \
		Serilog__MinimumLevel__Default=Warning dotnet bin/$(CONFIG)/net10.0/Host.dll --seed-only

## Benchmarks on the scale dataset (make seed-scale first); prints a table. See tests/perf/README.md.
## The ~200- and ~20,000-unit datasets of the synthesis growth rows are seeded on demand into data-scale-200 and
## data-scale-20k (SCALE_DIR_200, SCALE_DIR_20K) the first time; PERF_SCALES=0 skips those rows.
perf: backend
	dotnet build tests/perf/twin -c $(CONFIG) -nologo -v q
	SCALE_DIR="$(SCALE_DIR)" HOST_DLL="$(CURDIR)/$(HOST_DLL)" \
		TWIN_DLL="$(CURDIR)/tests/perf/twin/bin/$(CONFIG)/net10.0/Khcn.PerfTwin.dll" node tests/perf/run.mjs

## Regenerate backend/openapi.json from the running code (the staleness test compares against it).
openapi: backend
	@tmp=$$(mktemp -d); cd backend/src/Host && DataDir="$$tmp" Serilog__MinimumLevel__Default=Warning \
		dotnet bin/$(CONFIG)/net10.0/Host.dll --openapi-out "$(CURDIR)/backend/openapi.json"; rc=$$?; rm -rf "$$tmp"; exit $$rc

## backend/scripts/add-migration.sh for both providers: make migration NAME=AddX [MODULE=Organization]
migration:
	backend/scripts/add-migration.sh $(NAME) $(MODULE)
