#!/usr/bin/env bash
# The console in a real terminal (tmux, 120×40) on a store of N open texts (no receiver, no traffic):
#   - start to first frame (the header drawn), and peak memory after it, with N = 100,000;
#   - CPU used while idle for 60 s, with N = 1,000.
# Usage: Benchmarks/console-idle.sh [idle-seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-60}
source Benchmarks/release-binary.sh
work=$(mktemp -d)
socket="sb-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)

make_store() {  # $1 = name, $2 = count
  printf '[store]\nurl = "sqlite:%s/%s.sqlite"\n' "$work" "$1" > "$work/$1.toml"
  chmod 600 "$work/$1.toml"
  "$binary" pending --config "$work/$1.toml" >/dev/null
  local now; now=$(date +%s)
  sqlite3 "$work/$1.sqlite" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
    SELECT 'bench-' || i, 'HELP', 'Where is my order? ' || (i % 90), 'utf-8', 1, $now - (i % 1700), 'pending', $now
    FROM n;"
}

console_pid() { pgrep -f "^$binary console --config $work/$1.toml" | head -1; }

# Start to first frame with 100,000 stored.
make_store big 100000
start=$(date +%s%N)
tmux -L "$socket" new-session -d -x 120 -y 40 "env XDG_STATE_HOME=$work $binary console --config $work/big.toml --no-receiver"
until tmux -L "$socket" capture-pane -p | grep -q "100000 open"; do sleep 0.01; done
first_frame=$(( ($(date +%s%N) - start) / 1000000 ))
pid=$(console_pid big)
peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "100,000 stored: first frame with the full inbox after ${first_frame} ms, peak RSS $((peak / 1024)) MiB"
tmux -L "$socket" kill-server

# Idle CPU with 1,000 open texts.
make_store small 1000
tmux -L "$socket" new-session -d -x 120 -y 40 "env XDG_STATE_HOME=$work $binary console --config $work/small.toml --no-receiver"
until tmux -L "$socket" capture-pane -p | grep -q "1000 open"; do sleep 0.05; done
sleep 2
pid=$(console_pid small)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu)
sleep "$idle"
after=$(cpu)
percent=$(awk "BEGIN {printf \"%.2f\", ($after - $before) * 100 / $ticks / $idle}")
echo "1,000 open, idle ${idle} s: ${percent}% of one core"
