#!/usr/bin/env bash
# Measures the release server's memory under the floods of issue 10: 300 parallel posts to
# made-up password links, and 300 parallel sign-ins with random emails. Prints resident
# memory before, the peak during (VmHWM) and after. Needs target/release/server (built by
# `cargo leptos build --release`) and a PostgreSQL where it may create a database.
#   bash scripts/measure-flood-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
admin_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
db=frontdesk_flood
port=3290
psql "$admin_url" -qc "drop database if exists $db with (force)" -c "create database $db"
binary="${CARGO_TARGET_DIR:-target}/release/server"
DATABASE_URL="${admin_url%/*}/$db" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_OUTPUT_NAME=frontdesk \
  LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD RUST_LOG=error \
  FRONTDESK_DEMO_DATA=true "$binary" >/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done
kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$pid/status"; }
report() { printf '%-34s %6d KiB resident, %6d KiB peak so far\n' "$1" "$(kib VmRSS)" "$(kib VmHWM)"; }

report "ready"
seq 1 300 | xargs -P 300 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
  -d 'password=a+long+enough+password&repeat=a+long+enough+password' \
  "http://127.0.0.1:$port/staff/password/bogus-{}" | sort | uniq -c | sed 's/^/  password links: /'
report "after 300 made-up password links"
seq 1 300 | xargs -P 300 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
  -d 'email=nobody{}%40example.org&password=guess+number+{}' \
  "http://127.0.0.1:$port/staff/login" | sort | uniq -c | sed 's/^/  sign-ins: /'
report "after 300 sign-ins"
