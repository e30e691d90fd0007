#!/usr/bin/env python3
"""The sync figures of `make bench` (bench/sync_stage.sh runs it): against a running server, a
mobiliser's first sync of their union council and, after 30 changes made by an administrator
in it, their incremental sync; per sync the pages, records, bytes on the wire (gzip) and as JSON,
and the server's time (wall time on 127.0.0.1, page after page). Also the time the same bytes take
over the issue's throttled link (400 kbps down, 400 ms latency), computed from the bytes (not
measured in a browser). Prints one `key value` line per figure, and last the cursor of the
mobiliser's device (for the no-change sync under load, which wrk runs).
Usage: sync_bench.py BASE USER PASSWORD ADMIN_PASSWORD UC_CODE"""
import gzip
import json
import sys
import time
import urllib.request

from bench_http import call, login

LINK_BPS = 400_000 / 8  # bytes per second
LATENCY_S = 0.4


def sync_pass(base, cookie, cursor):
    pages = records = wire = plain = 0
    server_s = 0.0
    link_s = 0.0
    while True:
        path = "/api/v1/sync" + (f"?cursor={cursor}" if cursor else "")
        req = urllib.request.Request(base + path)
        req.add_header("cookie", cookie)
        req.add_header("accept-encoding", "gzip")
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=600) as r:
            body = r.read()
            encoded = r.headers.get("content-encoding") == "gzip"
        server_s += time.perf_counter() - t0
        data = gzip.decompress(body) if encoded else body
        page = json.loads(data)
        pages += 1
        wire += len(body) + 200  # about 200 bytes of response headers
        plain += len(data)
        link_s += 2 * LATENCY_S + (len(body) + 400) / LINK_BPS  # request and answer
        records += sum(len(c["upserts"]) + len(c["deletes"]) for c in page["changes"])
        cursor = page["cursor"]
        if not page["more"]:
            return cursor, dict(pages=pages, records=records, wire_bytes=wire, json_bytes=plain,
                                server_s=round(server_s, 3), link_s=round(link_s + server_s, 1))


def thirty_changes(base, admin_cookie, csrf, uc_code):
    villages = call(base, "GET", f"/api/v1/areas?q={uc_code}-V&level=5&limit=50",
                    cookie=admin_cookie)[2]["items"]
    area = villages[0]["id"]
    households = call(base, "GET", f"/api/v1/households?area={area}&limit=20",
                      cookie=admin_cookie)[2]["items"]
    for h in households[:20]:
        call(base, "PATCH", f"/api/v1/households/{h['id']}",
             {"version": h["version"], "phone": "0300 1234567"}, cookie=admin_cookie, csrf=csrf)
    for i in range(10):
        call(base, "POST", "/api/v1/households",
             {"area_id": area, "head_name": f"New head {i}",
              "people": [{"name": f"New head {i}", "sex": "f", "relation": "head", "age": 30},
                         {"name": f"Child {i}", "sex": "m", "relation": "son", "age": 3}]},
             cookie=admin_cookie, csrf=csrf)


def main():
    base, user, password, admin_password, uc_code = sys.argv[1:6]
    cookie, _ = login(base, user, password)
    admin_cookie, csrf = login(base, "admin", admin_password)
    cursor, first = sync_pass(base, cookie, None)
    for k, v in first.items():
        print(f"first_{k} {v}")
    thirty_changes(base, admin_cookie, csrf, uc_code)
    cursor, inc = sync_pass(base, cookie, cursor)
    for k, v in inc.items():
        print(f"incremental_{k} {v}")
    print(f"cookie {cookie}")
    print(f"cursor {cursor}")


if __name__ == "__main__":
    main()
