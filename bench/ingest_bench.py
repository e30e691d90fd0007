#!/usr/bin/env python3
"""The OpenRosa ingest figures of `make bench` (bench/ingest_stage.sh runs it): against a running
server (SQLite) whose process id is given, an administrator uploads and publishes the generated
250-question form (bench/ingest_form.py), makes a device for mobiliser.u1 and assigns the form to
it; then wrk (C, keep-alive, a Lua script building each body: the XML with a new instanceID plus
a new 50 KB photo) POSTs multipart submissions to the device's /submission URL with each number
of clients for DURATION seconds. Per run: submissions/s, p50/p99, server CPU ms per submission
(utime+stime of /proc/PID/stat over the run / the submissions) and wrk's own CPU. Then more
submissions through the same path up to EXPORT in all, and the CSV export
(GET /api/v1/forms/{id}/submissions.csv.zip) timed end to end (curl-like: request to last byte)
and checked (its root table holds one row per submission). Prints the report's markdown.
Usage: ingest_bench.py BASE SERVER_PID WORK_DIR DURATION EXPORT CLIENTS..."""
import io
import json
import os
import signal
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zipfile

import ingest_form
from bench_http import call, login

TICK = os.sysconf("SC_CLK_TCK")
BOUNDARY = "bench6c0b5e1f9a2d4e8b"


def cpu_s(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def status_kb(pid, key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def set_up(base):
    admin, csrf = login(base, "admin", "admin-demo-pass")
    req = urllib.request.Request(base + "/api/v1/forms", method="POST",
                                 data=ingest_form.xform().encode())
    for k, v in (("content-type", "application/xml"), ("cookie", admin), ("x-csrf-token", csrf)):
        req.add_header(k, v)
    with urllib.request.urlopen(req) as r:
        form = json.loads(r.read())
    version = form["versions"][-1]["version"]
    call(base, "POST", f"/api/v1/forms/{form['id']}/publish", {"version": version},
         cookie=admin, csrf=csrf)
    users = call(base, "GET", "/api/v1/users?q=mobiliser.u1", cookie=admin)[2]["items"]
    user = next(u for u in users if u["username"] == "mobiliser.u1")
    device = call(base, "POST", "/api/v1/devices", {"name": "bench phone", "user_id": user["id"]},
                  cookie=admin, csrf=csrf)[2]
    call(base, "PUT", f"/api/v1/forms/{form['id']}/assignments",
         {"device_ids": [device["id"]], "area_ids": []}, cookie=admin, csrf=csrf)
    path = urllib.parse.urlparse(device["server_url"]).path + "/submission"
    return admin, form["id"], path


def write_pieces(work):
    xml_before, xml_after = ingest_form.instance_parts()
    jpg_before, jpg_after = ingest_form.jpeg_parts()
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; "
            f"filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n").encode()
    mid = (f"\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo.jpg\"; "
           f"filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").encode()
    pieces = {"a": head + xml_before.encode(), "b": xml_after.encode() + mid + jpg_before,
              "c": jpg_after + f"\r\n--{BOUNDARY}--\r\n".encode()}
    for name, data in pieces.items():
        with open(os.path.join(work, f"piece_{name}"), "wb") as f:
            f.write(data)
    return sum(len(p) for p in pieces.values()) + 48 + 16


LUA = r"""
local dir, path, run, quota = "%(work)s", "%(path)s", "%(run)s", %(quota)d
local function slurp(n) local f = io.open(dir .. "/piece_" .. n, "rb"); local d = f:read("*a"); f:close(); return d end
local a, b, c = slurp("a"), slurp("b"), slurp("c")
local threads, count, done = {}, 0, 0
function setup(thread) table.insert(threads, thread); thread:set("tid", #threads) end
function init(args) end
local headers = {["Content-Type"] = "multipart/form-data; boundary=%(boundary)s",
                 ["X-OpenRosa-Version"] = "1.0"}
function request()
  count = count + 1
  local id = string.format("uuid:%%s-%%02d-%%029d", run, tid, count)
  return wrk.format("POST", path, headers, a .. id .. b .. string.format("%%02d%%014d", tid, count) .. c)
end
"""
LUA_QUOTA = r"""
function response(status, headers, body)
  done = done + 1
  if done == quota then
    local f = io.open(dir .. "/quota_" .. tid, "w"); f:close()
    wrk.thread:stop()
  end
end
"""


def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk_run(base, work, path, pid, clients, seconds, run, quota=0):
    """One wrk run: a dict of its figures."""
    threads = min(2, clients)
    script = os.path.join(work, f"{run}.lua")
    with open(script, "w") as f:
        f.write(LUA % dict(work=work, path=path, run=run, quota=max(1, quota // threads),
                           boundary=BOUNDARY) + (LUA_QUOTA if quota else ""))
    cpu0, t0 = cpu_s(pid), time.perf_counter()
    proc = subprocess.Popen(["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--latency",
                             "--timeout", "60s", "-s", script, base], stdout=subprocess.PIPE, text=True)
    if quota:  # wrk sleeps for its duration: stopped once every thread has met its quota
        while not all(os.path.exists(os.path.join(work, f"quota_{t + 1}")) for t in range(threads)):
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    wall, cpu = time.perf_counter() - t0, cpu_s(pid) - cpu0
    n = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errs = re.search(r"Socket errors: (.*)", out)
    lat = {m.group(1): ms(m.group(2)) for m in re.finditer(r"^\s+(50|99)%\s+(\S+)", out, re.M)}
    return dict(clients=clients, n=n, rate=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
                p50=lat.get("50", 0), p99=lat.get("99", 0), bad=int(bad.group(1)) if bad else 0,
                socket=errs.group(1) if errs else "none", cpu_ms=cpu * 1000 / max(n, 1),
                wrk_cpu=(usage.ru_utime + usage.ru_stime) / wall * 100, wall=wall)


def export(base, pid, admin, form_id):
    """The export timed end to end, with the server's CPU seconds over it (on a loaded machine
    the wall time waits for a core; the CPU time does not)."""
    req = urllib.request.Request(f"{base}/api/v1/forms/{form_id}/submissions.csv.zip")
    req.add_header("cookie", admin)
    cpu0, t0 = cpu_s(pid), time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        body = r.read()
    seconds, cpu = time.perf_counter() - t0, cpu_s(pid) - cpu0
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        root = z.read(f"{ingest_form.FORM_ID}.csv").decode()
        rows = root.count("\n") - 1
        repeat = z.read(f"{ingest_form.FORM_ID}-member.csv").decode().count("\n") - 1
    return seconds, cpu, len(body), rows, repeat


def main():
    base, pid, work, seconds, total = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    clients = [int(c) for c in sys.argv[6:]]
    admin, form_id, path = set_up(base)
    body_bytes = write_pieces(work)
    runs = [wrk_run(base, work, path, pid, c, seconds, f"c{c}") for c in clients]
    hwm_ingest, anon_ingest = status_kb(pid, "VmHWM"), status_kb(pid, "RssAnon")
    stored = sum(r["n"] - r["bad"] for r in runs)
    seed = None
    if stored < total:
        seed = wrk_run(base, work, path, pid, 32, 3600, "seed", total - stored)
        stored += seed["n"] - seed["bad"]
    export_s, export_cpu, export_bytes, rows, repeat_rows = export(base, pid, admin, form_id)
    hwm = status_kb(pid, "VmHWM")

    print(f"Form: {ingest_form.GROUPS * ingest_form.PER_GROUP + ingest_form.REPEAT_QUESTIONS + 1} questions "
          f"({ingest_form.GROUPS} groups, a repeat of {ingest_form.REPEAT_QUESTIONS} answered "
          f"{ingest_form.REPEAT_ENTRIES} times, one photo); a submission is {body_bytes // 1024} KB "
          f"of multipart (XML + a new 50 KB JPEG-framed photo), POSTed by wrk (keep-alive, "
          f"Lua-built bodies) to a device's /openrosa/key/…/submission; {seconds} s per run.")
    print()
    print("| clients | submissions | submissions/s | p50 | p99 | server CPU per submission "
          "| non-2xx / socket errors | wrk's CPU | Central (reference) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        print(f"| {r['clients']} | {r['n']} | {r['rate']:.0f} | {r['p50']:.1f} ms | {r['p99']:.1f} ms "
              f"| {r['cpu_ms']:.2f} ms | {r['bad']} / {r['socket']} | {r['wrk_cpu']:.0f} % "
              f"| 77-127/s, p99 167-521 ms, 21-24 ms CPU |")
    print()
    print("| figure | value | Central (reference) | aim |")
    print("|---|---|---|---|")
    print(f"| server peak RSS (VmHWM) after the runs | {hwm_ingest // 1024} MB | 475 MB under load | |")
    print(f"| server anonymous memory (RssAnon: heap, arenas, stacks) after the runs "
          f"| {anon_ingest // 1024} MB | | < 100 MB heap |")
    if seed:
        print(f"| seeding to {total} through the same path (32 clients) | {seed['n']} more at "
              f"{seed['rate']:.0f}/s, {seed['cpu_ms']:.2f} ms CPU each | | |")
    print(f"| CSV export (.csv.zip) of {rows} submissions ({repeat_rows} repeat rows), "
          f"end to end | {export_s:.2f} s ({export_cpu:.2f} s server CPU), {export_bytes / 1e6:.1f} MB "
          f"| 4.4-6.7 s (52,000) | < 0.5 s |")
    print(f"| server peak RSS after the export | {hwm // 1024} MB | | |")
    if rows < stored:  # (more is fine: a stopped wrk does not count its last answers)
        print(f"\nWARNING: {stored} submissions acknowledged, only {rows} rows exported")


if __name__ == "__main__":
    main()
