#!/usr/bin/env bash
# The partners' API against its own OpenAPI document, with Schemathesis (from PyPI, put
# there by setup.sh): a release server with the demo data on a fresh database, every
# operation of /api/v1/openapi.json called with generated inputs, valid and invalid, and
# every check Schemathesis has. Fails on any server error, any answer the document does
# not describe (status, content type, headers, body), any operation left untested.
# Prints the figures the README quotes.
#   bash scripts/api-contract.sh     (after `cargo leptos build --release`; test.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."

port=3330
db=frontdesk_contract
admin_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
psql "$admin_url" -qc "drop database if exists $db with (force)" -c "create database $db"

# The limit per address is raised for this one client: it is tested in the HTTP tests,
# and here it would only turn most answers into 429s.
DATABASE_URL="${admin_url%/*}/$db" \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_OUTPUT_NAME=frontdesk LEPTOS_SITE_ROOT=target/site \
  LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD LEPTOS_HASH_FILES=true \
  FRONTDESK_DEMO_DATA=true FRONTDESK_PARTNER_API_BURST=1000000 RUST_LOG=warn \
  "${CARGO_TARGET_DIR:-target}/release/server" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "$base/readyz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done

status=0
st --config-file scripts/api-contract.toml run "$base/api/v1/openapi.json" \
  --checks all \
  --max-examples 60 \
  --seed 20261207 \
  --workers 2 \
  --request-timeout 20 \
  --report junit --report-junit-path "$work/junit.xml" \
  --no-color >"$work/st.log" 2>&1 || status=$?
tail -n 40 "$work/st.log"

# Every operation of the document was tested, and each test case passed.
python3 - "$work/junit.xml" "$base/api/v1/openapi.json" <<'PY' || status=1
import json, sys, urllib.request
import xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
tested, broken = set(), []
for case in cases:
    tested.add(case.get("name"))
    if case.find("failure") is not None or case.find("error") is not None:
        broken.append(case.get("name"))
document = json.load(urllib.request.urlopen(sys.argv[2]))
operations = {f"{method.upper()} {path}" for path, item in document["paths"].items() for method in item}
untested = sorted(operations - tested)
print(f"operations in the document: {len(operations)}, tested: {len(operations & tested)}, failed: {len(broken)}")
for name in untested:
    print(f"  untested: {name}")
for name in broken:
    print(f"  failed: {name}")
sys.exit(1 if untested or broken else 0)
PY
if grep -q " ERROR \| panicked" "$work/server.log"; then
  echo "the server logged errors:"
  grep " ERROR \| panicked" "$work/server.log" | head -n 20
  status=1
fi
if [ "$status" != 0 ]; then
  echo "api contract: FAILED (Schemathesis's log: $work/st.log)"
  exit 1
fi
echo "api contract: passed"
