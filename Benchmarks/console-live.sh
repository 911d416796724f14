#!/usr/bin/env bash
# The console following a live store (issue 12). For each store (SQLite, then a private PostgreSQL 15) and each
# history size H: a store with H answered texts spread over the last day plus H/2 more over the 90 days before,
# `serve` receiving R callbacks/s in another process, and `console --no-receiver` (200×60, tmux) following it.
# Reports the console's CPU and peak RSS over the window and the time from each callback's 200 to the text on the
# screen (p50, p99), start to first frame, and on SQLite with the largest H a search for a 60-day-old text.
# Then a store of 10,000,000 texts (and as many reply attempts): `/metrics` scrapes and start to first frame.
# Usage: Benchmarks/console-live.sh [seconds=30] [rate=20] [sizes="0 200000 1000000"] [big=10000000]
# SWITCHBOARD_SCRATCH picks the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
rate=${2:-20}
sizes=${3:-"0 200000 1000000"}
big=${4:-10000000}
source Benchmarks/release-binary.sh
work=$(mktemp -d)
chmod 755 "$work"
socket="sb-live-$$"
serve_pid=""
pg_bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  [ -d "$work/pg" ] && as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

start_postgres() {
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
  local port; port=$(free_port)
  as_pg "'$pg_bin/initdb' -D '$work/pg/data' -U switchboard --auth=trust -E UTF8 --no-sync >/dev/null"
  as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/server.log' -w -o '-h 127.0.0.1 -p $port -k $work/pg' start" \
    </dev/null >/dev/null
  pg_url="postgres://switchboard@127.0.0.1:$port/postgres?sslmode=disable"
}

write_config() {  # $1 name, $2 store url
  printf '[store]\nurl = "%s"\n[tagga]\ntaggs = ["HELP"]\n' "$2" > "$work/$1.toml"
  chmod 600 "$work/$1.toml"
  "$binary" pending --config "$work/$1.toml" >/dev/null 2>&1  # creates and migrates the store
}

# H answered texts over the last day, H/2 over the 90 days before; one planted 60 days ago for the search; the
# search index filled as serve's indexer would have (it indexes texts older than two minutes).
fill_sqlite() {  # $1 path, $2 H, $3 config
  local now; now=$(date +%s)
  sqlite3 "$1" "PRAGMA synchronous = OFF; BEGIN;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at,
        reply_message, replied_at, operator)
    SELECT 'day-' || i, 'HELP', 'Where is my order? It is number ' || i, 'utf-8', 1, $now - 86400.0 * i / $2,
        'replied', $now, 'On its way', $now, 'bench' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2 / 2)
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
    SELECT 'old-' || i, 'HELP', 'Do you deliver on Sundays? Ask ' || i, 'utf-8', 1,
        $now - 86400 - 90 * 86400.0 * i / ($2 / 2), 'replied', $now FROM n;
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
    VALUES ('planted-60d', 'HELP', 'the blue umbrella was left at table nine', 'utf-8', 1, $now - 60 * 86400,
        'replied', $now);
    COMMIT;" 2>&1 | grep -v '^off$' || true
  # What serve's search indexer would have done by now (it indexes texts older than two minutes): without its file,
  # the next opening of the store builds the index of every text.
  rm -f "$1-search" "$1-search-wal" "$1-search-shm"
  "$binary" pending --config "$3" >/dev/null 2>&1
}

fill_postgres() {  # $1 url, $2 H
  local now; now=$(date +%s)
  psql -q "$1" -c "
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at,
        reply_message, replied_at, operator)
    SELECT 'day-' || i, 'HELP', 'Where is my order? It is number ' || i, 'utf-8', true, $now - 86400.0 * i / $2,
        'replied', $now, 'On its way', $now, 'bench' FROM generate_series(1, $2) AS i" -c "
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
    SELECT 'old-' || i, 'HELP', 'Do you deliver on Sundays? Ask ' || i, 'utf-8', true,
        $now - 86400 - 90 * 86400.0 * i / ($2 / 2), 'replied', $now FROM generate_series(1, $2 / 2) AS i" -c "
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
    VALUES ('planted-60d', 'HELP', 'the blue umbrella was left at table nine', 'utf-8', true, $now - 60 * 86400,
        'replied', $now)" -c "
    INSERT INTO inbound_search (id, document) SELECT id, lower(id || ' ' || tagg || ' ' || message)
    FROM inbound_transaction" -c "
    UPDATE search_horizon SET (received_at, id) = (SELECT received_at, id FROM inbound_transaction
      ORDER BY received_at DESC, id DESC LIMIT 1)" -c "VACUUM ANALYZE" >/dev/null
}

start_serve() {  # $1 config
  serve_port=$(free_port)
  XDG_STATE_HOME=$work "$binary" serve --config "$1" --listen "127.0.0.1:$serve_port" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$serve_port/healthz" >/dev/null && return; sleep 0.05; done
  echo "serve did not start" >&2; cat "$work/serve.log" >&2; exit 1
}

stop_serve() { kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""; }

start_console() {  # $1 config; sets console_pid and first_frame_ms
  local start; start=$(date +%s%N)
  tmux -L "$socket" new-session -d -x 200 -y 60 \
    "env XDG_STATE_HOME=$work $binary console --config $1 --no-receiver"
  until tmux -L "$socket" capture-pane -p | grep -q "Switchboard .* open"; do sleep 0.005; done
  first_frame_ms=$(ms_since "$start")
  console_pid=$(pgrep -f "^$binary console --config $1" | head -1)
}

# A search typed into the console: from Enter to the planted text on screen.
search_ms() {
  tmux -L "$socket" send-keys "/" ; sleep 0.3
  tmux -L "$socket" send-keys -l "blue umbrella"; sleep 0.3
  local start; start=$(date +%s%N)
  tmux -L "$socket" send-keys Enter
  until tmux -L "$socket" capture-pane -p | grep -q "planted-60d"; do sleep 0.002; done
  ms_since "$start"
}

run_case() {  # $1 kind, $2 H, $3 config
  start_serve "$3"
  start_console "$3"
  sleep 3
  local result
  result=$(python3 Benchmarks/console-live.py "$serve_port" "$socket" "$console_pid" "$rate" "$seconds" "$1-$2")
  local extra=""
  if [ "$2" = "$last_size" ]; then extra=" search_first_page_ms=$(search_ms)"; fi
  echo "$1 H=$2 first_frame_ms=$first_frame_ms $result$extra"
  tmux -L "$socket" kill-server
  stop_serve
}

echo "console-live: R=$rate/s for ${seconds}s, console 200x60, $(nproc) cores, $(date -u +%FT%TZ)"
last_size=${sizes##* }
stores=${SWITCHBOARD_BENCH_STORES:-"sqlite postgres metrics"}
if [[ " $stores " == *" sqlite "* ]]; then
  for size in $sizes; do
    write_config "sqlite-$size" "sqlite:$work/sqlite-$size.sqlite"
    [ "$size" -gt 0 ] && fill_sqlite "$work/sqlite-$size.sqlite" "$size" "$work/sqlite-$size.toml"
    run_case sqlite "$size" "$work/sqlite-$size.toml"
    rm -f "$work/sqlite-$size.sqlite"*
  done
fi
if [[ " $stores " == *" postgres "* ]]; then
  start_postgres
  for size in $sizes; do
    psql -q "$pg_url" -c "DROP DATABASE IF EXISTS live" -c "CREATE DATABASE live" >/dev/null 2>&1
    live_url=${pg_url/\/postgres?/\/live?}
    write_config "pg-$size" "$live_url"
    [ "$size" -gt 0 ] && fill_postgres "$live_url" "$size"
    run_case postgres "$size" "$work/pg-$size.toml"
  done
fi
[[ " $stores " == *" metrics "* ]] || exit 0

# /metrics and start-up on 10,000,000 stored texts (loaded with the search and count triggers set aside, then the
# counters computed once, as the migration does).
write_config big "sqlite:$work/big.sqlite"
now=$(date +%s)
sqlite3 "$work/big.sqlite" "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF; BEGIN;
  DROP TRIGGER inbound_transaction_count_insert;
  DROP TRIGGER reply_attempt_count_insert;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $big)
  INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
  SELECT 'big-' || i, 'HELP', 'Where is my order? ' || i, 'utf-8', 1, $now - 90 * 86400.0 * i / $big, 'replied', $now
  FROM n;
  INSERT INTO reply_attempt (transaction_id, claim_token, operator, message, paid, request_body, started_at,
      finished_at, outcome, return_code)
  SELECT id, 'token', 'bench', 'On its way', 0, 'x', received_at, received_at, 'answered', 0 FROM inbound_transaction;
  DELETE FROM store_counter WHERE name NOT IN ('change', 'search_epoch');
  INSERT INTO store_counter (name, value) SELECT 'state:' || state, COUNT(*) FROM inbound_transaction GROUP BY state;
  INSERT INTO store_counter (name, value)
    SELECT 'reply:' || COALESCE(CAST(return_code AS TEXT), 'unknown'), COUNT(*) FROM reply_attempt GROUP BY 1;
  COMMIT;" >/dev/null
"$binary" pending --config "$work/big.toml" >/dev/null 2>&1
start_serve "$work/big.toml"
times=$(for _ in $(seq 21); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$serve_port/metrics"; done \
  | tail -20 | sort -n)
median=$(echo "$times" | sed -n 10p); worst=$(echo "$times" | tail -1)
curl -s "http://127.0.0.1:$serve_port/metrics" | grep -E '^switchboard_(open|reply_attempts)' | head -3 | sed 's/^/  /'
echo "metrics on $big texts: median $(awk "BEGIN {print $median * 1000}") ms, worst $(awk "BEGIN {print $worst * 1000}") ms (20 scrapes)"
stop_serve
start_console "$work/big.toml"
echo "start to first frame with $big stored: ${first_frame_ms} ms, peak RSS $(( $(awk '/VmHWM/ {print $2}' /proc/$console_pid/status) / 1024 )) MiB"
tmux -L "$socket" kill-server
