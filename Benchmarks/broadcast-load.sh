#!/usr/bin/env bash
# Broadcasts to the simulator, one run:
#   1. wrk's maximum on the simulator's /engage/send_sms (the ceiling), with as many connections as the broadcast
#      has senders;
#   2. `switchboard broadcast` of 10,000 recipients with no rate limit: sends per second, and the ratio to 1;
#   3. `--rate 50` over 500 recipients: the achieved rate (first to last send, from the stored send times);
#   4. 100,000 recipients with no rate limit: peak RSS of the broadcast process.
# Usage: Benchmarks/broadcast-load.sh [concurrency=16]   (SKIP_PACED=1 stops after step 2)
# SWITCHBOARD_SCRATCH picks the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
concurrency=${1:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
source Benchmarks/release-binary.sh
work=$(mktemp -d)
sim_pid=
trap '[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT

"$binary" simulate --port 0 --quiet --write-config "$work/sim.toml" > "$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 100); do grep -q "Ctrl-C stops it" "$work/sim.log" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sim.toml" | head -1)

numbers() {  # $1 = count, $2 = file
  python3 -c "import sys; n=int(sys.argv[1]); print('\n'.join('+1555%07d' % (1000000 + i) for i in range(n)))" "$1" > "$2"
}

store() {  # a fresh store per run: $1 = name
  cp "$work/sim.toml" "$work/$1.toml"
  printf '\n[store]\nurl = "sqlite:%s/%s.sqlite"\n' "$work" "$1" >> "$work/$1.toml"
  chmod 600 "$work/$1.toml"
}

echo "broadcasts to the simulator: $concurrency senders, $(nproc) cores"
ceiling=$(wrk -t2 -c"$concurrency" -d10s --latency -s Benchmarks/tagget-send.lua "$base" | grep '^RESULT')
echo "wrk on /engage/send_sms ($concurrency connections, 10 s): $ceiling"

numbers 10000 "$work/10k.txt"
store unlimited
start=$(date +%s.%N)
"$binary" broadcast --config "$work/unlimited.toml" --recipients "$work/10k.txt" --body "Shop opens at 9 tomorrow" \
  --rate unlimited --concurrency "$concurrency" --yes > "$work/unlimited.out" 2> "$work/unlimited.err"
end=$(date +%s.%N)
sent=$(sqlite3 "$work/unlimited.sqlite" "SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sent'")
span=$(sqlite3 "$work/unlimited.sqlite" "SELECT MAX(updated_at) - MIN(updated_at) FROM campaign_recipient")
python3 - "$ceiling" "$sent" "$span" "$start" "$end" <<'PY'
import re, sys
ceiling = float(re.search(r"rps=(\d+)", sys.argv[1]).group(1))
sent, span, start, end = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
rate = sent / span
print(f"broadcast 10,000, unlimited: {sent} sent, {rate:.0f} sends/s over the sends ({end - start:.2f} s with start-up),"
      f" {rate / ceiling:.2f}x wrk's {ceiling:.0f}/s (target >= 0.6x)")
PY
[ -n "${SKIP_PACED:-}" ] && exit 0

numbers 500 "$work/500.txt"
store paced
"$binary" broadcast --config "$work/paced.toml" --recipients "$work/500.txt" --body "Shop opens at 9 tomorrow" \
  --rate 50 --concurrency 4 --yes > /dev/null 2> "$work/paced.err"
sqlite3 "$work/paced.sqlite" "SELECT COUNT(*), MAX(updated_at) - MIN(updated_at) FROM campaign_recipient WHERE state = 'sent'" \
  | awk -F'|' '{ rate = ($1 - 1) / $2; printf "broadcast 500 at --rate 50: %.2f sends/s achieved (%.2f%% off; target within 2%%)\n", rate, (rate - 50) * 100 / 50 }'

numbers 100000 "$work/100k.txt"
store big
/usr/bin/time -v "$binary" broadcast --config "$work/big.toml" --recipients "$work/100k.txt" \
  --body "Shop opens at 9 tomorrow" --rate unlimited --concurrency "$concurrency" --yes > /dev/null 2> "$work/big.err" || true
peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/big.err")
bigsent=$(sqlite3 "$work/big.sqlite" "SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sent'")
echo "broadcast 100,000, unlimited: $bigsent sent, peak RSS $((peak / 1024)) MiB (target <= 100 MB)"
