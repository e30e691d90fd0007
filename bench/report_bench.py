#!/usr/bin/env python3
"""Times progress reports (MPR) against a running server, one request at a time:
python3 report_bench.py BASE_URL PERIOD [N]. For a district (P1-D1) and a province (P1): the
first request (cold: the server has just started) and the median / worst of N more (warm), as
JSON and as PDF. Prints one line per figure: "label first_ms p50_ms max_ms"."""
import functools
import sys
import time

import bench_http

base, period = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 5
call = functools.partial(bench_http.call, base)
cookie, csrf = bench_http.login(base, "admin", "admin-demo-pass")


def child(parent_id, code):
    _, _, found = call("GET", f"/api/v1/areas/{parent_id}/children?limit=500", cookie=cookie)
    return [a for a in found["items"] if a["code"] == code][0]


_, _, roots = call("GET", "/api/v1/areas?roots=true", cookie=cookie)
province = child(roots["items"][0]["id"], "P1")
district = child(province["id"], "P1-D1")


def report(area_id):
    _, _, found = call("GET", f"/api/v1/reports?area={area_id}&template=MPR&limit=100", cookie=cookie)
    for r in found["items"]:
        if r["area_id"] == area_id and r["period"] == period:
            return r["id"]
    _, _, r = call("POST", "/api/v1/reports", {"template_code": "MPR", "area_id": area_id, "period": period},
                   cookie, csrf)
    return r["id"]


def timed(path):
    t0 = time.perf_counter()
    status, _, data = call("GET", path, cookie=cookie, raw=True)
    assert status == 200 and len(data) > 0
    return (time.perf_counter() - t0) * 1000


ids = {"district": report(district["id"]), "province": report(province["id"])}
for label, rid in ids.items():
    for fmt, path in (("JSON", f"/api/v1/reports/{rid}"), ("PDF", f"/api/v1/reports/{rid}/export?format=pdf")):
        first = timed(path)
        warm = sorted(timed(path) for _ in range(n))
        print(f"MPR_{label}_{fmt} {first:.0f} {warm[len(warm) // 2]:.0f} {warm[-1]:.0f}")
