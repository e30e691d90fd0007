"""Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/), small real inputs taken
from the unit and API tests. Run it again after changing it: python3 fuzz/make_seeds.py"""
import base64
import io
import json
import os
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, "corpus")


def put(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


# --- CSV (importers/csv_reader_test.cpp) ---
put("csv", "areas", "code,name,parent_code\nAF,Afghanistan,\nAF01,Kabul,AF\nAF02,Herat,AF\n")
put("csv", "semicolon", 'code;name;score\nAF01;"Kabul; city";1,5\n')
put("csv", "tabs", "code\tname\nAF01\t Kabul \n")
put("csv", "quoted_lines", '\ufeffcode,name\r\nAF01,"two\r\nlines ""quoted"""\r\nAF02,=1+1\r\n')
put("csv", "pashto", "code,name,name_local\nAF01,Kabul,کابل\nUA01,Kyiv,Київ\n")
put("csv", "ragged", "code,name\nAF01,Kabul,extra\nAF02\n")

# --- XLSX (tests/api/fixtures/make_xlsx.py, as the API tests write them) ---
def xlsx(rows):
    out = os.path.join(CORPUS, ".tmp.xlsx")
    subprocess.run([sys.executable, os.path.join(ROOT, "tests/api/fixtures/make_xlsx.py"), out],
                   input=json.dumps(rows).encode(), check=True)
    with open(out, "rb") as f:
        data = f.read()
    os.remove(out)
    return data


def rezip(data, compression):
    """The same package with fixed entry dates (the seeds do not change when rewritten), its
    entries stored (XML the fuzzer reaches directly) or deflated."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for info in src.infolist():
            z.writestr(zipfile.ZipInfo(info.filename, (2026, 12, 7, 0, 0, 0)),
                       src.read(info.filename), compress_type=compression)
    return buf.getvalue()


def stored(data):
    return rezip(data, zipfile.ZIP_STORED)


areas = xlsx([["code", "name", "parent_code"], ["AF", "Afghanistan", ""], ["AF01", "Kabul", "AF"],
              ["AF02", "=1+1", "AF"]])
put("xlsx", "areas_deflated.xlsx", rezip(areas, zipfile.ZIP_DEFLATED))
put("xlsx", "areas_stored.xlsx", stored(areas))
form = xlsx({"survey": [["type", "name", "label"], ["text", "name", "Name"],
                        ["integer", "age", "Age"]],
             "choices": [["list_name", "name", "label"]], "settings": [["form_id"], ["hh"]]})
put("xlsx", "xlsform_stored.xlsx", stored(form))

# --- the XML inside an XLSX (importers/xlsx_reader_test.cpp); first byte: where the split is ---
sheet = zipfile.ZipFile(io.BytesIO(areas)).read("xl/worksheets/sheet1.xml")
put("xlsx_xml", "sheet", b"\x40" + sheet)
put("xlsx_xml", "shared_strings", b"\x10" + b'<?xml version="1.0"?><sst xmlns="x" count="2">'
    b'<si><t>code</t></si><si><r><t>Ka</t></r><r><t>bul</t></r><rPh><t>x</t></rPh></si></sst>')
put("xlsx_xml", "styles", b"\x20" + b'<styleSheet xmlns="x"><numFmts count="1"><numFmt '
    b'numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
    b'<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
put("xlsx_xml", "doctype", b"\x05" + b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')

# --- XForms and instances (xforms/xform_test.cpp, api/openrosa tests) ---
xform_test = open(os.path.join(ROOT, "src/xforms/xform_test.cpp"), encoding="utf-8").read()
start = xform_test.index('R"xml(') + len('R"xml(')
kform = xform_test[start:xform_test.index(')xml"', start)]
put("xform", "household", kform)
put("xform", "minimal", "<h:html xmlns:h='x'><h:head><model><instance><data id='simple'><a/>"
    "</data></instance></model></h:head></h:html>")
put("instance", "household", '<?xml version="1.0"?><data id="household" version="1" '
    'xmlns:jr="http://openrosa.org/javarosa"><name>Amina</name><photo>p.jpg</photo>'
    "<person><pname>A</pname><age>4</age></person><person><pname>B</pname><age>7</age></person>"
    "<meta><instanceID>uuid:0a1b</instanceID><instanceName>Amina</instanceName></meta></data>")
put("instance", "edit", '<data id="household" version="1" instanceID="uuid:2"><meta>'
    "<deprecatedID>uuid:1</deprecatedID></meta><name>x</name></data>")
put("instance", "truncated", '<data id="household"><name>Ami')

# --- periods and dates (domain/periods/period_test.cpp); first byte: the fiscal year ---
for name, control, text in [("month", 0, "2026-10"), ("quarter_july", 6 | 0x80, "2026Q3"),
                            ("half", 3, "2026s2"), ("year_july", 6, "2026"), ("ptd", 0, "ptd"),
                            ("date", 0, "2024-02-29"), ("timestamp", 0, "2026-12-07T10:20:30Z"),
                            ("ancient_date", 0, "0365-04-29")]:  # a finding: TimePoint overflow
    put("period", name, bytes([control]) + text.encode())

# --- sync requests (domain/sync/sync_test.cpp): an entity name, a line feed, the cursor ---
def cursor(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


put("sync", "snapshot", "households\n" + cursor("1.s.0123456789abcdef.42.3.hh-01.10.100"))
put("sync", "incremental", "areas\n" + cursor("1.i.0123456789abcdef.42.10.100"))

# --- multipart submissions (api/openrosa/multipart_test.cpp): the Content-Type, then the body ---
def multipart(parts):
    return "".join("--XyZ\r\n" + p + "\r\n" for p in parts) + "--XyZ--\r\n"


put("multipart", "submission", "multipart/form-data; boundary=XyZ\n" + multipart([
    'Content-Disposition: form-data; name="xml_submission_file"; filename="submission.xml"\r\n'
    'Content-Type: text/xml\r\n\r\n<data id="a"/>',
    'Content-Disposition: form-data; name="photo.jpg"; filename="photo.jpg"\r\n'
    "Content-Type: image/jpeg\r\n\r\n\x00\r\n--XyZ-not-a-boundary\xff",
    'content-disposition: form-data; name="plain"\r\n\r\n']))
put("multipart", "filename_star", 'Multipart/Form-Data; boundary="XyZ"\n' + multipart([
    'Content-Disposition: form-data; name="b"; filename="b"; '
    "filename*=UTF-8''na%C3%AFve%20%D1%84.jpg\r\n\r\ny"]))

# --- JSON bodies (tests/api/*.test.mjs); first byte: which accessor reads which key ---
for name, how, body in [
        ("area", 0, {"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "name": "Kabul", "version": 2}),
        ("patch", 1, {"name": None, "version": 3, "score": 1.5, "translations": {"ps": "کابل"}}),
        ("roles", 14, {"roles": [{"id": "a", "name": "facilitator"}, {"name": 3}], "items": []}),
        ("strings", 9, {"id": ["a", "b"], "name": {"uk": "Київ"}, "version": True}),
        ("nested", 11, {"id": {"name": "x"}, "name": None, "unknown": [1, {"a": [None]}]})]:
    put("json", name, bytes([how]) + json.dumps(body, ensure_ascii=False).encode())

# --- HTTP requests (tests/api/*.test.mjs) ---
put("http", "get", "GET /api/v1/areas/3f2a/children?limit=20&q=kab%20ul HTTP/1.1\r\n"
    "Host: localhost\r\nCookie: mobilise_session=abc; other=1\r\n\r\n")
put("http", "post", "POST /api/v1/areas HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    'Content-Length: 15\r\n\r\n{"code":"AF01"}')
put("http", "chunked", "POST /openrosa/submission HTTP/1.1\r\nHost: x\r\n"
    "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
put("http", "sync", "GET /api/v1/sync?cursor=" + cursor("1.i.0123456789abcdef.1.2.3") +
    "&limit=100 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n")
