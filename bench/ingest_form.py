"""The ingest bench's form (bench/ingest_bench.py imports it): a generated XForm of 250 questions
(mixed types: text, integer, decimal, select_one, select_multiple, date, geopoint, in four groups;
a repeat of 9 questions; one photo), a submission instance of it with every question answered
(the repeat three times), and a photo: 50 KB of JPEG-framed bytes (SOI, JFIF APP0, comment
segments of random bytes, EOI) made unique per submission by a counter in its first comment,
so every submission stores a new file. The server never decodes the image."""
import os

TYPES = ["string", "int", "decimal", "select1", "string", "date", "select", "int", "geopoint",
         "string", "decimal", "select1"]
GROUPS = 4
PER_GROUP = 60  # 240 questions outside the repeat
REPEAT_QUESTIONS = 9  # with the photo: 250 questions
REPEAT_ENTRIES = 3
FORM_ID = "bench_ingest"


def questions():
    """[(path below /data, type)] of the questions outside the repeat, in document order."""
    out = []
    for g in range(GROUPS):
        for q in range(PER_GROUP):
            out.append((f"g{g + 1}/q{g * PER_GROUP + q + 1}", TYPES[(g * PER_GROUP + q) % len(TYPES)]))
    return out


def repeat_questions():
    return [(f"r{i + 1}", TYPES[i % len(TYPES)]) for i in range(REPEAT_QUESTIONS)]


def answer(kind, n):
    return {
        "string": f"Answer text {n} for the question",
        "int": str(n % 97),
        "decimal": f"{n % 13}.{n % 7}5",
        "select1": f"c{n % 4 + 1}",
        "select": f"c1 c{n % 4 + 2}",
        "date": f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
        "geopoint": f"34.{n % 100:02d}12 71.{n % 90:02d}45 1200.0 5.0",
    }[kind]


def xform():
    instance, binds, body = [], [], []
    for g in range(GROUPS):
        members = [(p, t) for p, t in questions() if p.startswith(f"g{g + 1}/")]
        instance.append(f"<g{g + 1}>" + "".join(f"<{p.split('/')[1]}/>" for p, _ in members) +
                        f"</g{g + 1}>")
        body.append(f'<group ref="/data/g{g + 1}">')
        for path, kind in members:
            binds.append(f'<bind nodeset="/data/{path}" type="{kind}"/>')
            if kind.startswith("select"):
                tag = "select1" if kind == "select1" else "select"
                items = "".join(f"<item><label>C{i}</label><value>c{i}</value></item>"
                                for i in range(1, 6))
                body.append(f'<{tag} ref="/data/{path}"><label>{path}</label>{items}</{tag}>')
            else:
                body.append(f'<input ref="/data/{path}"><label>{path}</label></input>')
        body.append("</group>")
    rq = repeat_questions()
    instance.append('<member jr:template="">' + "".join(f"<{p}/>" for p, _ in rq) + "</member>")
    body.append('<repeat nodeset="/data/member">')
    for path, kind in rq:
        binds.append(f'<bind nodeset="/data/member/{path}" type="{kind}"/>')
        body.append(f'<input ref="/data/member/{path}"><label>{path}</label></input>')
    body.append("</repeat>")
    binds.append('<bind nodeset="/data/photo" type="binary"/>')
    body.append('<upload ref="/data/photo" mediatype="image/*"><label>Photo</label></upload>')
    return f"""<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head>
    <h:title>Ingest bench: 250 questions</h:title>
    <model>
      <instance>
        <data id="{FORM_ID}" version="1">{"".join(instance)}<photo/><meta><instanceID/></meta></data>
      </instance>
      {"".join(binds)}
    </model>
  </h:head>
  <h:body>{"".join(body)}</h:body>
</h:html>"""


def instance_parts(photo_name="photo.jpg"):
    """(before, after): a submission's XML is before + instanceID + after."""
    parts, n = [], 0
    for g in range(GROUPS):
        members = [(p, t) for p, t in questions() if p.startswith(f"g{g + 1}/")]
        cells = []
        for path, kind in members:
            n += 1
            leaf = path.split("/")[1]
            cells.append(f"<{leaf}>{answer(kind, n)}</{leaf}>")
        parts.append(f"<g{g + 1}>{''.join(cells)}</g{g + 1}>")
    for e in range(REPEAT_ENTRIES):
        parts.append("<member>" + "".join(f"<{p}>{answer(k, e * 10 + i)}</{p}>"
                                          for i, (p, k) in enumerate(repeat_questions())) +
                     "</member>")
    before = (f'<?xml version="1.0"?><data xmlns:jr="http://openrosa.org/javarosa" '
              f'xmlns:orx="http://openrosa.org/xforms" id="{FORM_ID}" version="1">' +
              "".join(parts) + f"<photo>{photo_name}</photo><meta><instanceID>")
    return before, "</instanceID></meta></data>"


def jpeg_parts(size=50 * 1024):
    """(before, after): a photo is before + a 16-character counter + after, `size` bytes."""
    soi_app0 = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    first = b"\xff\xfe\x00\x12"  # a comment segment holding the 16-character counter
    rest = bytearray()
    left = size - len(soi_app0) - len(first) - 16 - 2
    while left > 4:
        n = min(left - 4, 65000)
        rest += b"\xff\xfe" + (n + 2).to_bytes(2, "big") + os.urandom(n)
        left -= n + 4
    return soi_app0 + first, bytes(rest) + b"\xff\xd9"
