#!/usr/bin/env bash
# Installs what a fresh machine lacks to build Frontdesk, and puts the right tools first on
# PATH. Sourced by run.sh and test.sh; safe to run again (it skips what is there).
#   --with-browser   also install what the tests need: Debian's Chromium for the end-to-end
#                    tests, psql, python3-aiosmtpd (the SMTP server the email tests start),
#                    and from PyPI icalendar and schemathesis
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11 needs a newer rustc than this machine's 1.95
# wasm-bindgen's CLI must equal the crate version in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' "$root/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION"; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes on 2 cores with --debug)"
  # --debug halves the install time; the tool's own speed hardly matters (same site built).
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --debug
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Without --locked: its lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages: Playwright, axe-core, and binaryen's wasm-opt. Debian's own binaryen makes
# a .wasm that never hydrates, so npm's copy must come first on PATH.
if [ ! -x "$root/end2end/node_modules/.bin/wasm-opt" ] || [ "$root/end2end/package-lock.json" -nt "$root/end2end/node_modules/.package-lock.json" ]; then
  say "installing npm packages in end2end/"
  (cd "$root/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
export PATH="$root/end2end/node_modules/.bin:$PATH"

if [ "${1:-}" = "--with-browser" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v psql >/dev/null || missing+=(postgresql-client)
  # A real SMTP server for the booking email tests.
  /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
  # Fonts for every script the visitors read (Latin with Vietnamese marks, Cyrillic,
  # Arabic, Han), so screenshots show letters, not missing-glyph boxes.
  [ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  # scripts/chaos.sh: nginx in front of three processes, a PostgreSQL it may restart.
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  # From PyPI: Python's icalendar (the HTTP tests read the calendar feeds with it too) and
  # Schemathesis (it tests the partners' API against its OpenAPI document).
  if ! python3 -c "import icalendar" 2>/dev/null || ! command -v st >/dev/null; then
    say "installing icalendar and schemathesis from PyPI"
    python3 -m pip install --quiet --disable-pip-version-check icalendar==7.3.2 schemathesis==4.32.5
  fi
fi
