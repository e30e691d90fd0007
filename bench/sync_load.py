#!/usr/bin/env python3
"""Latency of one GET (the no-change sync) as devices send it, for bench/sync_stage.sh.

  sequential N   one connection, N requests one after another (keep-alive): each request's
                 own time. (wrk's histogram with one connection did not add up here: its mean
                 times its count exceeded the run's length, so it is not used for this.)
  open RATE SECONDS
                 open loop: requests start at fixed times, RATE per second for SECONDS, each on
                 a new connection (a phone that syncs every few minutes has no open one),
                 whether or not earlier ones have been answered. A request's time runs from the
                 moment it was due (not from when this client got round to it) to the last byte
                 of the answer, so a server that falls behind shows it.

Prints `key value` lines: count, errors (non-200 or failed), p50_ms, p99_ms, max_ms.
Usage: sync_load.py BASE PATH COOKIE sequential N | open RATE SECONDS"""
import http.client
import socket
import threading
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit


def report(times, errors):
    times = sorted(times)
    n = len(times)
    print(f"count {n + errors}")
    print(f"errors {errors}")
    if n:
        print(f"p50_ms {times[n // 2] * 1000:.2f}")
        print(f"p99_ms {times[min(n - 1, int(n * 0.99))] * 1000:.2f}")
        print(f"max_ms {times[-1] * 1000:.2f}")


def sequential(base, path, cookie, n):
    u = urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port)
    headers = {"cookie": cookie, "accept-encoding": "gzip"}
    times, errors = [], 0
    for _ in range(n):
        t0 = time.perf_counter()
        conn.request("GET", path, headers=headers)
        r = conn.getresponse()
        r.read()
        times.append(time.perf_counter() - t0)
        errors += r.status != 200
    report(times, errors)


def one(host, port, request, due, times, failures, lock):
    """One request on a new connection, timed from `due`."""
    try:
        with socket.create_connection((host, port), timeout=30) as s:
            s.sendall(request)
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        elapsed = time.perf_counter() - due
        status = int(data.split(b" ", 2)[1]) if data else 0
        with lock:
            times.append(elapsed)
            if status != 200:
                failures.append(status)
    except OSError as e:
        with lock:
            failures.append(str(e))


def open_loop(base, path, cookie, rate, seconds):
    # Blocking sockets on a pool of threads, started on time by this thread: an asyncio client
    # measured here added about 2.5 ms at p50 and 150 ms at p99 by itself (on /healthz too).
    u = urlsplit(base)
    request = (f"GET {path} HTTP/1.1\r\nHost: {u.netloc}\r\ncookie: {cookie}\r\n"
               "accept-encoding: gzip\r\nconnection: close\r\n\r\n").encode()
    count = int(rate * seconds)
    times, failures, lock = [], [], threading.Lock()
    start = time.perf_counter() + 0.2
    with ThreadPoolExecutor(max_workers=64) as pool:
        for i in range(count):
            due = start + i / rate
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            pool.submit(one, u.hostname, u.port, request, due, times, failures, lock)
    report(times, len(failures))


def main():
    base, path, cookie, mode = sys.argv[1:5]
    if mode == "sequential":
        sequential(base, path, cookie, int(sys.argv[5]))
    else:
        open_loop(base, path, cookie, float(sys.argv[5]), float(sys.argv[6]))


if __name__ == "__main__":
    main()
