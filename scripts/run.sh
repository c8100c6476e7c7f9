#!/usr/bin/env bash
# Builds Frontdesk (release) and serves it on http://127.0.0.1:3000 with demo data.
# With DATABASE_URL unset it starts a private PostgreSQL cluster in .frontdesk/postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The demo: five centers, workshops and one staff account per role (never in production,
# where the binary seeds nothing unless this is set).
export FRONTDESK_DEMO_DATA="${FRONTDESK_DEMO_DATA:-true}"
exec cargo leptos serve --release --precompress
