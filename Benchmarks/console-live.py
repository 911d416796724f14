#!/usr/bin/env python3
"""Follow a live store with the console and measure it (driven by Benchmarks/console-live.sh).

Posts R callbacks a second to `switchboard serve` for the given seconds over one keep-alive connection, and polls
the console's screen (tmux capture-pane, every 5 ms) for the header's open count: the k-th text posted is on the
screen when the header counts k open texts (the store's other texts are all answered). Prints one JSON line: the
latencies from each callback's 200 to the screen (p50, p99, max), the console's CPU over the window and its peak RSS.
"""
import http.client, json, os, re, subprocess, sys, threading, time

port, socket_name, pid, rate, seconds, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
ticks = os.sysconf("SC_CLK_TCK")

def cpu_ticks():
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])

def peak_rss_mib():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024

acked = {}          # k -> time of its 200
shown = {}          # k -> first time the header counted k open
done = threading.Event()
pattern = re.compile(r"Switchboard\s+(\d+) open")

def watch():
    while not done.is_set() or len(shown) < len(acked):
        screen = subprocess.run(["tmux", "-L", socket_name, "capture-pane", "-p"], capture_output=True, text=True).stdout
        match = pattern.search(screen)
        if match:
            now = time.monotonic()
            for k in range(1, int(match.group(1)) + 1):
                shown.setdefault(k, now)
        if done.is_set() and time.monotonic() > deadline + 5:
            break
        time.sleep(0.005)

deadline = time.monotonic() + seconds
watcher = threading.Thread(target=watch)
watcher.start()
connection = http.client.HTTPConnection("127.0.0.1", int(port))
before = cpu_ticks()
started = time.monotonic()
k = 0
while time.monotonic() < deadline:
    k += 1
    body = f"transaction_id=live-{tag}-{k}&tagg=HELP&message=Live+text+{k}"
    connection.request("POST", "/tagga", body, {"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        print(f"callback {k} answered {response.status}", file=sys.stderr)
        sys.exit(1)
    acked[k] = time.monotonic()
    pause = started + k / rate - time.monotonic()
    if pause > 0:
        time.sleep(pause)
elapsed = time.monotonic() - started
after = cpu_ticks()
done.set()
watcher.join()
latencies = sorted((shown[i] - acked[i]) * 1000 for i in acked if i in shown)
missing = len(acked) - len(latencies)
def pct(p):
    return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1) if latencies else None
print(json.dumps({
    "posted": len(acked), "not_shown": missing, "p50_ms": pct(0.50), "p99_ms": pct(0.99),
    "max_ms": round(latencies[-1], 1) if latencies else None,
    "cpu_percent": round((after - before) * 100 / ticks / elapsed, 2), "peak_rss_mib": round(peak_rss_mib(), 1),
}))
