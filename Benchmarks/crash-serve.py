#!/usr/bin/env python3
"""Kill `switchboard serve` with SIGKILL under load and prove that every acknowledged callback was stored.

A client posts callbacks from several threads and records each transaction_id that got `200 OK`. Mid-load, serve is
killed with SIGKILL, restarted on the same store, and the load stops. Then every acknowledged id must be in the store
(read back with `switchboard export`). Repeats for --runs runs and prints one line per run plus a total.

Usage: Benchmarks/crash-serve.py [--binary .build/release/switchboard] [--runs 5] [--seconds 3] [--threads 16]
"""
import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(binary, config, port, log):
    process = subprocess.Popen(
        [binary, "serve", "--config", config, "--listen", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    sys.exit("serve did not start")


def load(port, prefix, stop, acknowledged, lock, counters):
    connection = None
    number = 0
    while not stop.is_set():
        number += 1
        transaction_id = f"{prefix}-{number}"
        body = urllib.parse.urlencode({"transaction_id": transaction_id, "tagg": "HELP", "message": "crash test"})
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("POST", "/tagga", body, {"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                with lock:
                    acknowledged.add(transaction_id)
            else:
                counters["refused"] += 1
        except (OSError, http.client.HTTPException):
            counters["failed"] += 1
            connection = None
            time.sleep(0.01)


def stored_ids(binary, config):
    output = subprocess.run([binary, "export", "--config", config], capture_output=True, text=True, check=True)
    return {json.loads(line)["id"] for line in output.stdout.splitlines() if line.strip()}


def one_run(binary, run, seconds, threads, workdir):
    store = os.path.join(workdir, f"crash-{run}.sqlite")
    config = os.path.join(workdir, f"crash-{run}.toml")
    with open(config, "w") as f:
        f.write(f'[store]\nurl = "sqlite:{store}"\n[tagga]\ntaggs = ["HELP"]\n')
    os.chmod(config, 0o600)
    port = free_port()
    log = open(os.path.join(workdir, f"serve-{run}.log"), "w")
    serve = start_serve(binary, config, port, log)
    stop = threading.Event()
    acknowledged, lock = set(), threading.Lock()
    counters = {"failed": 0, "refused": 0}
    workers = [threading.Thread(target=load, args=(port, f"r{run}t{t}", stop, acknowledged, lock, counters))
               for t in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(seconds)
    with lock:
        before_kill = len(acknowledged)
    serve.send_signal(signal.SIGKILL)
    serve.wait()
    time.sleep(0.3)
    serve = start_serve(binary, config, port, log)
    time.sleep(1)
    stop.set()
    for worker in workers:
        worker.join()
    serve.send_signal(signal.SIGTERM)
    serve.wait()
    stored = stored_ids(binary, config)
    missing = acknowledged - stored
    print(f"run {run}: {len(acknowledged)} acknowledged ({before_kill} before the kill), {len(stored)} stored, "
          f"{len(missing)} acknowledged but missing, {counters['failed']} failed while serve was down")
    return len(acknowledged), len(missing)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/switchboard")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        totals = [one_run(args.binary, run, args.seconds, args.threads, workdir) for run in range(1, args.runs + 1)]
    acknowledged = sum(t[0] for t in totals)
    missing = sum(t[1] for t in totals)
    print(f"total: {args.runs} runs, {acknowledged} acknowledged callbacks, {missing} missing")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
