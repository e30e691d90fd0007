"""Shared by the bench scripts (run as python3 bench/<script>.py, so importable by name): JSON calls
to a running server, a signed-in session, and the p50/p99 of timings."""
import json
import urllib.request


def call(base, method, path, body=None, cookie=None, csrf=None, raw=False, timeout=600):
    """(status, headers, body) of one request; the body parsed as JSON unless raw. Non-2xx raise
    urllib.error.HTTPError."""
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("content-type", "application/json")
    if cookie:
        req.add_header("cookie", cookie)
    if csrf:
        req.add_header("x-csrf-token", csrf)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        data = r.read()
        return r.status, r.headers, data if raw else json.loads(data or b"null")


def login(base, username, password):
    """(cookie, csrf token) of a new session of the user."""
    _, headers, body = call(base, "POST", "/api/v1/session", {"username": username, "password": password})
    return headers["set-cookie"].split(";")[0], body["csrf_token"]


def p50_p99(times):
    """The median and the 99th percentile of the timings (of fewer than 100, the slowest)."""
    times = sorted(times)
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]
