#!/usr/bin/env bash
# Idle CPU of this build's console and another build's, back to back on the same kind of store (1,000 open texts,
# no receiver, 120×40 in tmux), for a change that touches what an idle console does.
# Usage: Benchmarks/console-idle-compare.sh OTHER-BINARY [idle-seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
other=${1:?the other build's switchboard binary}
idle=${2:-60}
source Benchmarks/release-binary.sh
work=$(mktemp -d)
socket="sb-idle-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)
for name in this other; do
  bin=$binary; [ "$name" = other ] && bin=$other
  printf '[store]\nurl = "sqlite:%s/%s.sqlite"\n' "$work" "$name" > "$work/$name.toml"
  chmod 600 "$work/$name.toml"
  "$bin" pending --config "$work/$name.toml" >/dev/null 2>&1
  now=$(date +%s)
  sqlite3 "$work/$name.sqlite" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
    SELECT 'bench-' || i, 'HELP', 'Where is my order? ' || (i % 90), 'utf-8', 1, $now - (i % 1700), 'pending', $now
    FROM n;"
  tmux -L "$socket" new-session -d -x 120 -y 40 \
    "env XDG_STATE_HOME=$work $bin console --config $work/$name.toml --no-receiver"
  until tmux -L "$socket" capture-pane -p | grep -q "1000 open"; do sleep 0.05; done
  sleep 2
  pid=$(pgrep -f "^$bin console --config $work/$name.toml" | head -1)
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$idle"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  echo "$name: $(awk "BEGIN {printf \"%.2f\", ($after - $before) * 100 / $ticks / $idle}")% of one core, idle ${idle} s"
  tmux -L "$socket" kill-server
done
