#!/usr/bin/env bash
# Load `switchboard serve` with wrk on loopback (64 connections) in three modes, one after the other in one run:
#   discard       answers 200 without storing (the ceiling)
#   group-commit  durable acks, callbacks committed in groups (the default)
#   one-commit    durable acks, one commit per callback (--no-group-commit)
#   postgres      durable acks into PostgreSQL (group commit), when SWITCHBOARD_BENCH_POSTGRES_URL names a database
# With SWITCHBOARD_COMPARE_BINARY=/path/to/another/switchboard, only group commit, alternating this build and that
# one three times each (what a change costs the receiver, measured in one run).
# Usage: Benchmarks/serve-load.sh [seconds=10] [connections=64]
# SWITCHBOARD_SCRATCH picks the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
source Benchmarks/release-binary.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_mode() {
  local mode=$1; shift
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local url="sqlite:$work/$mode.sqlite"
  [ "$mode" = postgres ] && url=$SWITCHBOARD_BENCH_POSTGRES_URL
  printf '[store]\nurl = "%s"\n[tagga]\ntaggs = ["HELP"]\n' "$url" > "$work/$mode.toml"
  chmod 600 "$work/$mode.toml"
  "$binary" serve --config "$work/$mode.toml" --listen "127.0.0.1:$port" "$@" > "$work/$mode.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  local result
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/callback.lua "http://127.0.0.1:$port" \
    | grep '^RESULT')
  kill -TERM "$pid"; wait "$pid" || true
  local stored="-"
  if [ "$mode" = postgres ]; then
    stored=$(psql "$SWITCHBOARD_BENCH_POSTGRES_URL" -tAc 'SELECT COUNT(*) FROM inbound_transaction')
  elif [ "$mode" != discard ]; then
    stored=$(sqlite3 "$work/$mode.sqlite" 'SELECT COUNT(*) FROM inbound_transaction')
  fi
  echo "$mode $result stored=$stored"
}

echo "switchboard serve under wrk: ${seconds}s, $connections connections, 2 wrk threads, $(nproc) cores"
if [ -n "${SWITCHBOARD_COMPARE_BINARY:-}" ]; then
  this=$binary
  for round in 1 2 3; do
    binary=$this; run_mode "group-commit-this-$round"
    binary=$SWITCHBOARD_COMPARE_BINARY; run_mode "group-commit-other-$round"
  done
  exit 0
fi
run_mode discard --discard
run_mode group-commit
run_mode one-commit --no-group-commit
if [ -n "${SWITCHBOARD_BENCH_POSTGRES_URL:-}" ]; then run_mode postgres; fi
