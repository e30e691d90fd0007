#!/usr/bin/env python3
"""Times the creation of activities with 30 named participants, one request at a time, against
a running server: python3 activity_bench.py BASE_URL [N]. Prints "p50_ms p99_ms count"."""
import functools
import sys
import time

import bench_http

base, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
call = functools.partial(bench_http.call, base)
cookie, csrf = bench_http.login(base, "mobiliser.u1", "demo-pass")
_, _, areas = call("GET", "/api/v1/areas?q=P1-D1-T1-U1&level=4&limit=5", cookie=cookie)
uc = [a for a in areas["items"] if a["code"] == "P1-D1-T1-U1"][0]
people = []
_, _, households = call("GET", f"/api/v1/households?area={uc['id']}&limit=40", cookie=cookie)
for h in households["items"]:
    _, _, p = call("GET", f"/api/v1/households/{h['id']}/people", cookie=cookie)
    people += [x["id"] for x in p["items"]]
    if len(people) >= 30:
        break
people = people[:30]
times = []
for i in range(n):
    body = {"type": "awareness_session", "held_on": "2026-01-15", "area_id": uc["id"], "topics": ["wash"],
            "counts": [{"sex": "f", "age_band": "18-59", "count": 25}, {"sex": "m", "age_band": "18-59", "count": 10}],
            "attendance": [{"person_id": p} for p in people]}
    t0 = time.perf_counter()
    status, _, _ = call("POST", "/api/v1/activities", body, cookie, csrf)
    times.append((time.perf_counter() - t0) * 1000)
    assert status == 201
p50, p99 = bench_http.p50_p99(times)
print(f"{p50:.1f} {p99:.1f} {len(times)}")
