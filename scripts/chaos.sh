#!/usr/bin/env bash
# Faults on purpose (issue 16): nginx, configured from deploy/nginx/frontdesk.conf, in front
# of three server processes on one PostgreSQL (a private cluster, so that it can be
# restarted). A load client (scripts/chaos-load.mjs) books, enrols and checks in without
# pause and records everything it was shown. During the run one server process is killed
# with kill -9 and started again, and PostgreSQL is restarted (pg_ctl restart -m fast).
# Afterwards, against the database:
#   - every booking, enrolment and check-in a client was shown as done is there, once;
#   - nothing is there that no client was told about, unless its request was never
#     answered (reported);
#   - no slot and no workshop session holds more than its seats, and the counters agree;
#   - no ticket number was shown twice;
#   - answers came again within 10 s of each fault.
# Needs the release build (target/release/server, target/site), Debian's nginx and
# PostgreSQL server binaries, Node and psql.
#   bash scripts/chaos.sh            # the short form scripts/test.sh runs (30 s)
#   CHAOS_SECONDS=120 bash scripts/chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${CHAOS_SECONDS:-30}"
target="${CARGO_TARGET_DIR:-target}"
ports=(3311 3312 3313)
nginx_port=3310
pg_port=55440
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
chmod 755 "$work"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for port in "${ports[@]}"; do
    [ -f "$work/server-$port.pid" ] && kill "$(cat "$work/server-$port.pid")" 2>/dev/null || true
  done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

# PostgreSQL of its own (initdb refuses root: the postgres user runs it).
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
pg_start_options="-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200"
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -o "$pg_start_options" -l "$work/pg/log" -w start >/dev/null
admin="postgres://postgres@127.0.0.1:$pg_port/postgres"
db="postgres://postgres@127.0.0.1:$pg_port/frontdesk_chaos"
psql "$admin" -qc "create database frontdesk_chaos"

hash_files=false
[ -f "$target/release/hash.txt" ] && hash_files=true
start_server() {
  DATABASE_URL="$db" LEPTOS_SITE_ADDR="127.0.0.1:$1" LEPTOS_OUTPUT_NAME=frontdesk \
    LEPTOS_SITE_ROOT="$target/site" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD LEPTOS_HASH_FILES="$hash_files" \
    RUST_LOG=warn FRONTDESK_DEMO_DATA=true FRONTDESK_TRUSTED_PROXIES=127.0.0.1 \
    "$target/release/server" >>"$work/server-$1.log" 2>&1 &
  echo $! >"$work/server-$1.pid"
  # Killed on purpose later: the shell need not report it.
  disown $!
}
wait_ready() { until curl -sf "http://127.0.0.1:$1/readyz" >/dev/null; do sleep 0.2; done; }
# The first process sets the database up; then the other two.
start_server "${ports[0]}"
wait_ready "${ports[0]}"
for port in "${ports[@]:1}"; do start_server "$port"; done
for port in "${ports[@]:1}"; do wait_ready "$port"; done

# nginx as deploy/ configures it, without TLS, on a local port and these processes.
mkdir -p "$work/nginx"
sed -E -e "s#127\.0\.0\.1:3001#127.0.0.1:${ports[0]}#; s#127\.0\.0\.1:3002#127.0.0.1:${ports[1]}#; s#127\.0\.0\.1:3003#127.0.0.1:${ports[2]}#" \
  -e "s#listen 443 ssl http2;#listen 127.0.0.1:$nginx_port;#" -e '/listen \[::\]:443/d' -e '/^[[:space:]]*ssl_/d' \
  deploy/nginx/frontdesk.conf |
  awk '/^server \{/ { block = $0 "\n"; inside = 1; next }
       inside { block = block $0 "\n"; if ($0 ~ /^\}/) { inside = 0; if (block !~ /return 301/) printf "%s", block }; next }
       { print }' >"$work/nginx/site.conf"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  include $work/nginx/site.conf;
}
CONF
"$nginx_bin" -t -q -c "$work/nginx/nginx.conf"
"$nginx_bin" -c "$work/nginx/nginx.conf"
base="http://127.0.0.1:$nginx_port"
until curl -sf "$base/readyz" >/dev/null; do sleep 0.2; done

# A kiosk tablet, paired through nginx with the first process's printed code.
code="$(grep -o 'kiosk/pair?code=[A-Z0-9-]*' "$work/server-${ports[0]}.log" | head -1 | cut -d= -f2)"
location="$(curl -s -o /dev/null -c "$work/jar" -w '%{redirect_url}' -d "code=$code" "$base/kiosk/pair")"
center="$(printf '%s' "$location" | sed -E 's#.*/kiosk/([^/?]+).*#\1#')"
cookie="$(awk '$6 == "frontdesk_kiosk" { print $6 "=" $7 }' "$work/jar")"
[ -n "$center" ] && [ -n "$cookie" ] || { echo "could not pair a tablet" >&2; exit 1; }
# A workshop session with 40 seats at that center, two days ahead.
session="$(psql "$db" -qAtX -c "insert into workshop_sessions (topic, title, center_id, starts_at, ends_at, capacity)
  values ('resumes', 'Chaos', '$center', now() + interval '2 days', now() + interval '2 days 2 hours', 40) returning id" | head -1)"

echo "chaos: ${seconds}s of load through nginx on 3 processes; faults at 30% (kill -9) and 60% (PostgreSQL restart)"
node scripts/chaos-load.mjs "$base" "$seconds" "$work/load.json" "$center" "$cookie" "$session" "$work/faults" &
load=$!
sleep "$(awk -v s="$seconds" 'BEGIN { print s * 0.3 }')"
echo "$(now_ms) kill -9 of the process on ${ports[1]}" >>"$work/faults"
kill -9 "$(cat "$work/server-${ports[1]}.pid")"
sleep 2
start_server "${ports[1]}"
sleep "$(awk -v s="$seconds" 'BEGIN { print s * 0.3 - 2 }')"
echo "$(now_ms) PostgreSQL restarted" >>"$work/faults"
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -o "$pg_start_options" -l "$work/pg/log" -m fast -w restart >/dev/null
load_status=0
wait "$load" || load_status=$?

# What the clients were shown, against what the database holds.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
  for (const [answer, kinds] of Object.entries({ confirmed: r.confirmed, refused: r.refused, cut: r.cut }))
    for (const [kind, keys] of Object.entries(kinds)) for (const key of keys) console.log(`${kind},${key},${answer}`);
' "$work/load.json" >"$work/keys.csv"
numbers="$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])); const n = r.tickets.map((t) => t.number); console.log(n.length - new Set(n).size)' "$work/load.json")"
report="$(psql "$db" -qAtX -v ON_ERROR_STOP=1 <<SQL
create temporary table shown (kind text, key uuid, answer text);
\copy shown from '$work/keys.csv' with (format csv)
create temporary view made as
  select 'booking' as kind, idempotency_key as key from bookings where first_name like 'Chaos%'
  union all select 'enrolment', idempotency_key from workshop_enrolments where first_name like 'Chaos%'
  union all select 'checkIn', idempotency_key from visits where first_name like 'Chaos%';
select 'confirmed, in the database once: ' || count(*) filter (where (select count(*) from made m where m.kind = s.kind and m.key = s.key) = 1)
    || ' of ' || count(*) from shown s where answer = 'confirmed';
select 'refused yet in the database: ' || count(*) from shown s join made m using (kind, key) where s.answer = 'refused';
select 'never answered, in the database: ' || count(*) from shown s join made m using (kind, key) where s.answer = 'cut';
select 'in the database, never shown: ' || count(*) from made m where not exists (select 1 from shown s where s.kind = m.kind and s.key = m.key);
-- (Past slots keep their count after the retention job has erased their bookings.)
select 'slots over their seats or miscounted: ' || count(*) from slot_seats t
  where t.starts_at > now() and (t.booked > t.capacity or t.booked <> (select count(*) from bookings b
    where b.center_id = t.center_id and b.service_id = t.service_id and b.starts_at = t.starts_at
      and b.status in ('booked', 'arrived')));
select 'session seats taken: ' || (select count(*) from workshop_enrolments where session_id = $session and status = 'enrolled')
  || ' of ' || capacity || ', counter ' || enrolled from workshop_sessions where id = $session;
SQL
)"
echo "$report"
echo "ticket numbers shown twice: $numbers"
confirmed_line="$(grep '^confirmed' <<<"$report")"
failed="$load_status"
[[ "$confirmed_line" =~ :\ ([0-9]+)\ of\ ([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[2]}" -gt 0 ] || failed=1
grep -q '^refused yet in the database: 0$' <<<"$report" || failed=1
grep -q '^in the database, never shown: 0$' <<<"$report" || failed=1
grep -q '^slots over their seats or miscounted: 0$' <<<"$report" || failed=1
[[ "$(grep '^session' <<<"$report")" =~ taken:\ ([0-9]+)\ of\ ([0-9]+),\ counter\ ([0-9]+)$ ]] &&
  [ "${BASH_REMATCH[1]}" -le "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[3]}" ] || failed=1
[ "$numbers" = 0 ] || failed=1
if [ "$failed" != 0 ]; then
  echo "chaos: FAILED" >&2
  tail -n 20 "$work"/server-*.log >&2
  exit 1
fi
echo "chaos: passed"
