#!/usr/bin/env bash
# Faults on purpose (issue 16): nginx, configured from deploy/nginx/frontdesk.conf, in front
# of three server processes on one PostgreSQL (a private cluster, so that it can be
# restarted). A load client (scripts/chaos-load.mjs) books, enrols and checks in without
# pause and records everything it was shown. During the run one server process is killed
# with kill -9 and started again, and PostgreSQL is restarted (pg_ctl restart -m fast).
# Afterwards, against the database:
#   - every booking, enrolment and check-in a client was shown as done is there, once,
#     as it was shown (the manage link leads to it, the ticket has that number), also when
#     the request had to be sent again;
#   - nothing is there that no client was told about, nobody is there twice, and every
#     request was answered (never answered, or a server error, fails the run);
#   - no slot and no workshop session holds more than its seats, and the counters agree;
#   - the requests the kill cut mid-way (nginx's log names them) were sent again with
#     the same key and answered, as shown above;
#   - confirmations came again within 10 s of each fault, the killed process answered
#     again within 10 s, and all three processes are up at the end;
#   - three staff screens watching the queue live (scripts/chaos-watch.mjs, in Chromium)
#     reconnected by themselves and, after a visitor is called at the end, show the same
#     queue as a fresh page load.
# Needs the release build (target/release/server, target/site), Debian's nginx and
# PostgreSQL server binaries, Node and psql.
#   bash scripts/chaos.sh            # the short form scripts/test.sh runs (30 s)
#   CHAOS_SECONDS=120 bash scripts/chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${CHAOS_SECONDS:-30}"
[ "$seconds" -ge 20 ] || { echo "CHAOS_SECONDS: at least 20" >&2; exit 2; }
target="${CARGO_TARGET_DIR:-target}"
ports=(3311 3312 3313)
nginx_port=3310
pg_port=55440
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
chmod 755 "$work"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
load=""
watch=""
cleanup() {
  [ -n "$load" ] && kill "$load" 2>/dev/null || true
  [ -n "$watch" ] && kill "$watch" 2>/dev/null || true
  for port in "${ports[@]}"; do
    [ -f "$work/server-$port.pid" ] && kill "$(cat "$work/server-$port.pid")" 2>/dev/null || true
  done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  # The servers finish their shutdown before the next run may want their ports.
  for port in "${ports[@]}"; do
    [ -f "$work/server-$port.pid" ] && tail --pid="$(cat "$work/server-$port.pid")" -f /dev/null 2>/dev/null &
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
for port in "$nginx_port" "${ports[@]}" "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "chaos: port $port is taken (a run left behind?)" >&2
    exit 2
  fi
done

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
# Waits up to 60 s for the process on port $1 to answer /readyz; fails if it died.
wait_ready() {
  local pid
  pid="$(cat "$work/server-$1.pid")"
  for _ in $(seq 300); do
    curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "chaos: the process on $1 died" >&2; tail -n 20 "$work/server-$1.log" >&2; return 1; }
    sleep 0.2
  done
  echo "chaos: the process on $1 is not ready after 60 s" >&2
  return 1
}
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
  # Which process took each load request (the client names its key in a header) and
  # how it ended: 502 from the killed process is a request cut mid-way.
  log_format chaos '\$http_x_chaos_key \$upstream_addr \$upstream_status \$status';
  access_log $work/nginx/access.log chaos;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  include $work/nginx/site.conf;
}
CONF
"$nginx_bin" -t -q -c "$work/nginx/nginx.conf"
"$nginx_bin" -c "$work/nginx/nginx.conf"
base="http://127.0.0.1:$nginx_port"
for _ in $(seq 100); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done

# A kiosk tablet, paired through nginx with the first process's printed code.
source scripts/pair-tablet.sh
pair_tablet "$base" "$work/server-${ports[0]}.log" "$work/jar"
# A workshop session with 40 seats at that center, two days ahead.
session="$(psql "$db" -qAtX -c "insert into workshop_sessions (topic, title, center_id, starts_at, ends_at, capacity)
  values ('resumes', 'Chaos', '$center', now() + interval '2 days', now() + interval '2 days 2 hours', 40) returning id" | head -1)"

# Three staff screens on the queue, live, before the load starts.
timeout 300 node scripts/chaos-watch.mjs "$base" "$center" "$work/watch-ready" "$work/load-done" >"$work/watch.log" 2>&1 &
watch=$!
for _ in $(seq 300); do
  [ -f "$work/watch-ready" ] || ! kill -0 "$watch" 2>/dev/null && break
  sleep 0.2
done
[ -f "$work/watch-ready" ] || { echo "chaos: the staff screens did not open" >&2; cat "$work/watch.log" >&2; exit 1; }

echo "chaos: ${seconds}s of load through nginx on 3 processes; faults at 30% (kill -9) and 60% (PostgreSQL restart)"
node scripts/chaos-load.mjs "$base" "$seconds" "$work/load.json" "$center" "$cookie" "$session" "$work/faults" &
load=$!
sleep "$(awk -v s="$seconds" 'BEGIN { print s * 0.3 }')"
killed_at="$(now_ms)"
echo "$killed_at kill -9 of the process on ${ports[1]}" >>"$work/faults"
kill -9 "$(cat "$work/server-${ports[1]}.pid")"
sleep 2
start_server "${ports[1]}"
wait_ready "${ports[1]}"
back_after="$(( $(now_ms) - killed_at ))"
sleep "$(awk -v s="$seconds" 'BEGIN { print s * 0.3 - 2 }')"
echo "$(now_ms) PostgreSQL restarted" >>"$work/faults"
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -o "$pg_start_options" -l "$work/pg/log" -m fast -w restart >/dev/null
load_status=0
wait "$load" || load_status=$?
load=""
touch "$work/load-done"
watch_status=0
wait "$watch" || watch_status=$?
watch=""
cat "$work/watch.log"
echo "the killed process answered again $(awk -v ms="$back_after" 'BEGIN { printf "%.1f", ms / 1000 }') s after the kill (restarted after 2 s)"
alive=0
for port in "${ports[@]}"; do
  kill -0 "$(cat "$work/server-$port.pid")" 2>/dev/null && curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && alive=$((alive + 1))
done
echo "processes up at the end: $alive of 3"

# What the clients were shown, against what the database holds.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
  for (const [answer, kinds] of Object.entries({ confirmed: r.confirmed, refused: r.refused, failed: r.failed, cut: r.cut }))
    for (const [kind, keys] of Object.entries(kinds)) for (const key of keys) console.log(`${kind},${key},${answer},${r.shown[key] ?? ""}`);
' "$work/load.json" >"$work/keys.csv"
# Cut mid-way by the kill: the killed process took the request and nginx got no answer.
awk -v killed="127.0.0.1:${ports[1]}" '$1 != "-" && $2 == killed && $3 == 502 { print $1 }' \
  "$work/nginx/access.log" | sort -u >"$work/cut-by-kill.csv"
report="$(psql "$db" -qAtX -v ON_ERROR_STOP=1 <<SQL
create temporary table shown (kind text, key uuid, answer text, what text);
\copy shown from '$work/keys.csv' with (format csv)
create temporary view made as
  select 'booking' as kind, idempotency_key as key from bookings where first_name like 'Chaos%'
  union all select 'enrolment', idempotency_key from workshop_enrolments where first_name like 'Chaos%'
  union all select 'checkIn', idempotency_key from visits where first_name like 'Chaos%';
-- What a confirmation showed leads to the row its key made: the manage link (kept as a
-- hash) or the ticket's number.
create temporary view as_shown as
  select s.key from shown s join bookings b on b.idempotency_key = s.key
    join booking_links l on l.booking_id = b.id and l.token_hash = sha256(convert_to(s.what, 'UTF8'))
    where s.kind = 'booking'
  union all select s.key from shown s join workshop_enrolments e on e.idempotency_key = s.key
    join workshop_links l on l.enrolment_id = e.id and l.token_hash = sha256(convert_to(s.what, 'UTF8'))
    where s.kind = 'enrolment'
  union all select s.key from shown s join visits v on v.idempotency_key = s.key
    and v.ticket_prefix || '-' || lpad(v.ticket_number::text, 3, '0') = s.what
    where s.kind = 'checkIn';
create temporary table cut_by_kill (key uuid);
\copy cut_by_kill from '$work/cut-by-kill.csv' with (format csv)
select 'cut by the kill, sent again and answered: ' || count(*) filter (where s.answer in ('confirmed', 'refused'))
    || ' of ' || count(*) from cut_by_kill k left join shown s using (key);
select 'confirmed, in the database as shown: ' || count(*) filter (where s.key in (select key from as_shown))
    || ' of ' || count(*) from shown s where answer = 'confirmed';
select 'people in the database twice: ' || count(*) from (select first_name from (
    select first_name from bookings union all select first_name from workshop_enrolments
    union all select first_name from visits) p where first_name like 'Chaos%' group by 1 having count(*) > 1) twice;
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
confirmed_line="$(grep '^confirmed' <<<"$report" || true)"
failed="$load_status"
[[ "$confirmed_line" =~ :\ ([0-9]+)\ of\ ([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[2]}" -gt 0 ] || failed=1
grep -q '^refused yet in the database: 0$' <<<"$report" || failed=1
# (The kill comes at a moment, not at a request: a run may find none in flight.)
[[ "$(grep '^cut by the kill' <<<"$report" || true)" =~ :\ ([0-9]+)\ of\ ([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] || failed=1
grep -q '^in the database, never shown: 0$' <<<"$report" || failed=1
grep -q '^people in the database twice: 0$' <<<"$report" || failed=1
grep -q '^slots over their seats or miscounted: 0$' <<<"$report" || failed=1
[[ "$(grep '^session' <<<"$report" || true)" =~ taken:\ ([0-9]+)\ of\ ([0-9]+),\ counter\ ([0-9]+)$ ]] &&
  [ "${BASH_REMATCH[1]}" -le "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[3]}" ] || failed=1
[ "$back_after" -le 10000 ] || failed=1
[ "$alive" = 3 ] || failed=1
[ "$watch_status" = 0 ] || failed=1
if [ "$failed" != 0 ]; then
  echo "chaos: FAILED" >&2
  tail -n 20 "$work"/server-*.log >&2
  exit 1
fi
echo "chaos: passed"
