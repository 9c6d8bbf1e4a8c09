#!/usr/bin/env bash
# Smoke test: the real `npm start` on an empty DATA_DIR, /health, the calendar API, the data-dir
# lock against a second process and the CLI, graceful shutdown; concurrent migrations on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
log="$data/server.log"
fail() { echo "SMOKE FAILED: $*"; echo "--- server log"; tail -50 "$log" || true; exit 1; }

# Its own process group, so the stop signal reaches the server as a supervisor (systemd) would send it.
DATA_DIR="$data" PORT=$port setsid npm start >"$log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || fail "server exited"
  sleep 1
done
[ "$(curl -fsS "http://127.0.0.1:$port/health")" = '{"status":"ok"}' ] || fail "/health"
got=$(curl -fsS "http://127.0.0.1:$port/api/v1/calendar/add-working-days?date=2026-04-02&days=2")
[ "$got" = '{"date":"2026-04-02","days":2,"result":"2026-04-08"}' ] || fail "add-working-days: $got"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/calendar/holidays?year=1800")
[ "$code" = 400 ] || fail "holidays?year=1800 gave $code"
curl -fsS "http://127.0.0.1:$port/api/v1/openapi.json" | grep -q '"openapi"' || fail "openapi.json"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")
[ "$code" = 404 ] || fail "/metrics without METRICS_TOKEN gave $code"
# The request log never holds a tracking token or an api_key.
curl -s -o /dev/null "http://127.0.0.1:$port/x/cases/track/smoke-secret-token-1?lang=sv"
curl -s -o /dev/null "http://127.0.0.1:$port/open311/v2/services.json?api_key=smoke-secret-key-2"
sleep 0.5
if grep -q 'smoke-secret' "$log"; then fail "a secret from a URL reached the log"; fi
grep -q 'admin@norrtalje.demo' "$log" || fail "demo credentials not printed at first start"

# A second process on the same data directory must refuse, not corrupt it.
if DATA_DIR="$data" PORT=$((port + 1)) timeout 60 npm start >"$data/second.log" 2>&1; then fail "second server started"; fi
grep -q 'in use by another Insyn process' "$data/second.log" || fail "second server: no clear message"
if DATA_DIR="$data" ./bin/insyn.js migrate >"$data/cli.log" 2>&1; then fail "CLI opened a held database"; fi
grep -q 'in use by another Insyn process' "$data/cli.log" || fail "CLI: no clear message"

kill -TERM -- -$server
wait $server || true
# npm passes the signal on to the server, which finishes its requests and closes the database.
for _ in $(seq 1 20); do [ -e "$data/insyn.lock" ] || break; sleep 0.5; done
[ ! -e "$data/insyn.lock" ] || fail "lock file left behind: no graceful shutdown"
grep -q 'shutting down' "$log" || fail "no graceful shutdown logged"

# A second start reuses the data (no new demo credentials printed); the CLI works once it's free.
DATA_DIR="$data" ./bin/insyn.js create-tenant --name "Röktest kommun" --slug roktest | grep -q 'Created' || fail "CLI create-tenant"
DATA_DIR="$data" ./bin/insyn.js seed-demo | grep -q 'already there' || fail "seed-demo not idempotent"

if [ -n "${SMOKE_DATABASE_URL:-}" ]; then
  psql -q -d postgres -c "CREATE DATABASE ${SMOKE_DATABASE_URL##*/}"
  # Concurrent migrations against one PostgreSQL apply each migration once.
  DATABASE_URL="$SMOKE_DATABASE_URL" ./bin/insyn.js migrate >"$data/m1.log" 2>&1 &
  m1=$!
  DATABASE_URL="$SMOKE_DATABASE_URL" ./bin/insyn.js migrate >"$data/m2.log" 2>&1 || fail "concurrent migrate 2: $(cat "$data/m2.log")"
  wait $m1 || fail "concurrent migrate 1: $(cat "$data/m1.log")"
  applied=$(psql -At -d "${SMOKE_DATABASE_URL##*/}" -c 'select count(*) from kysely_migration')
  files=$(ls src/db/migrations/*.sql | wc -l)
  [ "$applied" = "$files" ] || fail "migrations applied $applied, files $files"
fi
rm -rf "$data"
echo "smoke test passed"
