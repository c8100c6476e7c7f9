#!/usr/bin/env bash
# Measures the release server's memory under the floods of issue 10: 300 parallel posts to
# made-up password links, and 300 parallel sign-ins with random emails, first from one
# address (the per-address limits answer most), then from 300 addresses (as a botnet
# would, through the loopback acting as a trusted proxy), which leaves only the bound on
# Argon2 between the flood and the memory. Prints resident memory before, the peak during
# (VmHWM) and after. Needs target/release/server (`cargo leptos build --release`) and a
# PostgreSQL where it may create a database.
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
  FRONTDESK_DEMO_DATA=true FRONTDESK_TRUSTED_PROXIES=127.0.0.1 "$binary" >/dev/null &
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
# 300 more of each, each from an address of its own (10.x.y.z, forwarded by the trusted
# loopback).
flood() { # path body
  seq 1 300 | xargs -P 300 -I{} sh -c 'curl -s -o /dev/null -w "%{http_code}\n" \
    -H "X-Forwarded-For: 10.0.$(({} / 250)).$(({} % 250 + 1))" -d "$2" "$1"' _ "$1" "$2"
}
flood "http://127.0.0.1:$port/staff/password/bogus" \
  'password=a+long+enough+password&repeat=a+long+enough+password' | sort | uniq -c | sed 's/^/  password links, 300 addresses: /'
report "after 300 more, 300 addresses"
flood "http://127.0.0.1:$port/staff/login" 'email=nobody%40example.org&password=guess' \
  | sort | uniq -c | sed 's/^/  sign-ins, 300 addresses: /'
report "after 300 more, 300 addresses"
