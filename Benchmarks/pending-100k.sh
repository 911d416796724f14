#!/usr/bin/env bash
# `switchboard pending --json` on a store holding N transactions (default 100,000), all still open:
# wall time and peak memory (GNU time), best of 3 runs. Also `export --format jsonl` on the same store.
# Usage: Benchmarks/pending-100k.sh [N=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
source Benchmarks/release-binary.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '[store]\nurl = "sqlite:%s/store.sqlite"\n' "$work" > "$work/config.toml"
chmod 600 "$work/config.toml"
"$binary" pending --config "$work/config.toml" >/dev/null   # creates the schema
now=$(date +%s)
sqlite3 "$work/store.sqlite" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
SELECT 'bench-' || i, 'HELP', 'Where is my order? It has been ' || (i % 90) || ' minutes', 'utf-8', 1,
       $now - (i % 1700), 'pending', $now FROM n;
SQL
echo "store: $(sqlite3 "$work/store.sqlite" 'SELECT COUNT(*) FROM inbound_transaction') transactions"
measure() {
  local label=$1; shift
  local best=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$binary" "$@" --config "$work/config.toml" > "$work/out" 2>/dev/null
    read -r seconds kib < "$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < ${best%% *})}"; then best="$seconds $kib"; fi
  done
  read -r seconds kib <<< "$best"
  echo "$label: ${seconds}s, peak RSS $((kib / 1024)) MiB, output $(wc -c < "$work/out") bytes"
}
measure "pending --json" pending --json
measure "export --format jsonl" export
