#!/usr/bin/env bash
# Runs every test: unit tests, database and HTTP tests on real PostgreSQL, and the
# end-to-end tests in Debian's Chromium against two server processes sharing a database,
# Schemathesis against the partners' API, and a short run of faults on purpose behind nginx
# (scripts/chaos.sh).
# Needs a PostgreSQL server: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
# names one where the tests may create and drop databases.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --with-browser

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
# A clean CI clone never reuses incremental state; skipping it saves gigabytes of disk.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi
started=$SECONDS
step() { printf '\n\033[1m[test]\033[0m %s (%ss so far)\n' "$*" "$((SECONDS - started))"; }

step "formatting"
cargo fmt --all -- --check

step "floors: no module uses one above it (scripts/check-floors.py)"
python3 scripts/check-floors.py

step "lints (server and browser builds)"
cargo clippy -p app -p server --features app/ssr --tests -- -D warnings
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

step "unit tests (domain rules, translations)"
cargo test -p app --features ssr --lib

step "database and HTTP tests (one fresh database per test)"
cargo test -p server

step "release build (server and kiosk WASM)"
cargo leptos build --release --precompress

step "the partners' API against its OpenAPI document (scripts/api-contract.sh, Schemathesis)"
bash scripts/api-contract.sh

step "end-to-end tests in Chromium"
# A fresh database for the two server processes the tests start.
e2e_db=frontdesk_e2e
admin_url="$DATABASE_URL"
psql "$admin_url" -qc "drop database if exists $e2e_db with (force)" -c "create database $e2e_db"
export E2E_DATABASE_URL="${admin_url%/*}/$e2e_db"
(cd end2end && npx playwright test)

step "faults on purpose: kill -9 and a PostgreSQL restart under load (scripts/chaos.sh, short)"
bash scripts/chaos.sh

step "all tests passed"
