#!/usr/bin/env bash
# Callback latency through `switchboard serve` on SQLite at a steady 100 callbacks/s, first alone, then while
# `switchboard prune` removes N old closed texts (default 100,000, each with a journal entry and a raw request) from
# the same store, from its first batch until it has given the space back. Latency is measured from each callback's
# scheduled time, so a wait for the write lock is counted even when it delays the next callback. Prints p50, p99 and
# max of both runs, and prune's own summary.
# Usage: Benchmarks/prune-under-load.sh [N=100000] [seconds=15 for the run alone]
# SWITCHBOARD_BINARY runs that binary instead of building a release one.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
seconds=${2:-15}
if [ -n "${SWITCHBOARD_BINARY:-}" ]; then binary=$SWITCHBOARD_BINARY; else source Benchmarks/release-binary.sh; fi
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
printf '[store]\nurl = "sqlite:%s/store.sqlite"\n[tagga]\ntaggs = ["HELP"]\n' "$work" > "$work/config.toml"
chmod 600 "$work/config.toml"
"$binary" pending --config "$work/config.toml" >/dev/null   # creates the schema (auto_vacuum = INCREMENTAL)
old=$(( $(date +%s) - 100 * 86400 ))
sqlite3 "$work/store.sqlite" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, reply_message,
    updated_at, attempt_count)
SELECT 'old-' || i, 'HELP', 'Where is my order? It has been ' || (i % 90) || ' minutes', 'utf-8', 1, $old + i,
    'replied', 'On its way', $old, 1 FROM n;
INSERT INTO callback_request (transaction_id, method, target, content_type, remote_address, body, received_at)
SELECT id, 'POST', '/tagga', 'application/x-www-form-urlencoded', '127.0.0.1',
    CAST('transaction_id=' || id || '&tagg=HELP&message=Where+is+my+order' AS BLOB), received_at
FROM inbound_transaction;
INSERT INTO reply_attempt (transaction_id, claim_token, operator, message, paid, request_body, started_at,
    finished_at, outcome, return_code, response_body, detail, request_written)
SELECT id, 'token', 'ana', 'On its way', 0, 'apikey=***&tagg=HELP', received_at + 5, received_at + 6, 'answered', 0,
    '<TaggaResponse><ReturnCode>0</ReturnCode></TaggaResponse>', 'ok', 1 FROM inbound_transaction;
SQL
# What serve's search indexer would have done long ago (these texts are 100 days old): without its file, the next
# opening of the store builds the index of every text.
rm -f "$work/store.sqlite-search" "$work/store.sqlite-search-wal" "$work/store.sqlite-search-shm"
"$binary" pending --config "$work/config.toml" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$binary" serve --config "$work/config.toml" --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

load() {  # $1: label, $2: seconds, or until the file $work/stop exists
  python3 - "$port" "$2" "$1" "$work/stop" <<'PY'
import http.client, os, sys, time
port, seconds, label, stop = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
connection = http.client.HTTPConnection("127.0.0.1", port)
latencies, start, i = [], time.monotonic(), 0
while time.monotonic() - start < seconds and not os.path.exists(stop):
    scheduled = start + i * 0.01
    time.sleep(max(0, scheduled - time.monotonic()))
    body = f"transaction_id={label}-{i}&tagg=HELP&message=Where+is+my+order%3F"
    connection.request("POST", "/tagga", body, {"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status
    latencies.append((time.monotonic() - scheduled) * 1000)
    i += 1
latencies.sort()
def at(q): return latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"{label}: {len(latencies)} callbacks, p50 {at(0.5):.1f} ms, p99 {at(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
PY
}

echo "serve on SQLite, 100 callbacks/s for ${seconds}s; prune of $count old texts; $(nproc) cores"
load alone "$seconds"
load during-prune 86400 > "$work/during" &
loader=$!
sleep 1
/usr/bin/time -f "prune took %e s" "$binary" prune --config "$work/config.toml" --before "$(date +%Y-%m-%d)" \
  2>&1 | grep -v '^removing'
touch "$work/stop"
wait "$loader"
cat "$work/during"
