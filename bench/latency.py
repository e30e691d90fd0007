#!/usr/bin/env python3
"""Times one GET, one request at a time (one client), a fixed number of times after two warm-up
requests: python3 latency.py BASE_URL COOKIE PATH N. Prints "p50_ms p99_ms count non_2xx"
(p99 of fewer than 100 requests is their slowest)."""
import sys
import time
import urllib.error
import urllib.request

import bench_http

base, cookie, path, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def get():
    req = urllib.request.Request(base + path, headers={"cookie": cookie})
    try:
        with urllib.request.urlopen(req) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


for _ in range(2):
    get()
times, bad = [], 0
for _ in range(n):
    t0 = time.perf_counter()
    status = get()
    times.append((time.perf_counter() - t0) * 1000)
    bad += 0 if 200 <= status < 300 else 1
p50, p99 = bench_http.p50_p99(times)
print(f"{p50:.1f} {p99:.1f} {len(times)} {bad}")
