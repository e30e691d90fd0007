#!/usr/bin/env python3
"""XLSForm -> XForm for the common case, with pyxform's command line and JSON answer.

Mobilise converts XLSForms with pyxform (`make deps` installs it into a venv). Where pyxform
cannot be installed (no access to its package index), `tools/xlsform/xls2xform` runs this file
instead: the Python standard library only, the same command line
    xls2xform.py --json FORM.xlsx OUT.xml
and the same answer on standard output: {"code": 100, "message": "Ok!", "warnings": []} or
{"code": 999, "message": "[row : 3] ..."} (pyxform's wording for the errors it shares).

Covers: the survey, choices and settings sheets; text integer decimal date time dateTime
select_one / select_multiple (choices sheet) and *_from_file (CSV media), geopoint geotrace
geoshape image audio video file barcode note calculate acknowledge range hidden, the metadata
start end today deviceid username; groups and repeats (nested); label, hint, required, relevant,
constraint, constraint_message, calculation, appearance, read_only, default, choice_filter;
translations (label::Language (code)); images on questions and choices (image, media::image);
${name} references. Anything else is refused with a row-numbered error.
"""
import json
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

MAX_ENTRY = 50 << 20
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
REF_RE = re.compile(r"\$\{([^}]*)\}")

TYPES = {  # XLSForm type -> (bind type, body control, extra bind/control attributes)
    "text": ("string", "input", {}), "string": ("string", "input", {}),
    "integer": ("int", "input", {}), "int": ("int", "input", {}),
    "decimal": ("decimal", "input", {}), "date": ("date", "input", {}),
    "time": ("time", "input", {}), "datetime": ("dateTime", "input", {}),
    "dateTime": ("dateTime", "input", {}), "geopoint": ("geopoint", "input", {}),
    "geotrace": ("geotrace", "input", {}), "geoshape": ("geoshape", "input", {}),
    "barcode": ("barcode", "input", {}), "acknowledge": ("string", "trigger", {}),
    "note": ("string", "input", {"readonly": "true()"}), "range": ("int", "range", {}),
    "image": ("binary", "upload", {"mediatype": "image/*"}),
    "audio": ("binary", "upload", {"mediatype": "audio/*"}),
    "video": ("binary", "upload", {"mediatype": "video/*"}),
    "file": ("binary", "upload", {"mediatype": "application/*"}),
    "calculate": ("string", None, {}), "hidden": ("string", None, {}),
    "start": ("dateTime", None, {"jr:preload": "timestamp", "jr:preloadParams": "start"}),
    "end": ("dateTime", None, {"jr:preload": "timestamp", "jr:preloadParams": "end"}),
    "today": ("date", None, {"jr:preload": "date", "jr:preloadParams": "today"}),
    "deviceid": ("string", None, {"jr:preload": "property", "jr:preloadParams": "deviceid"}),
    "username": ("string", None, {"jr:preload": "property", "jr:preloadParams": "username"}),
}
BIND_ATTRS = {"readonly", "jr:preload", "jr:preloadParams"}


class FormError(Exception):
    pass


def row_error(row, text):
    return FormError(f"[row : {row}] {text}")


# --- reading the workbook ---------------------------------------------------------------------
def read_xml(archive, name):
    info = archive.getinfo(name)
    if info.file_size > MAX_ENTRY:
        raise FormError(f"The file is too large to read ({name}).")
    data = archive.read(name)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise FormError("The file is not a valid XLSX workbook (it declares a DTD).")
    return ElementTree.fromstring(data)


def cell_column(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def read_sheets(path):
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise FormError("The file is not a valid XLSX workbook.")
    with archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            raise FormError("The file is not a valid XLSX workbook.")
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in read_xml(archive, "xl/sharedStrings.xml").findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")
                                      if not _in_phonetic(si, t)))
        rels = {r.get("Id"): r.get("Target") for r in
                read_xml(archive, "xl/_rels/workbook.xml.rels")}
        sheets = {}
        for sheet in read_xml(archive, "xl/workbook.xml").iter(f"{{{NS['m']}}}sheet"):
            target = rels.get(sheet.get(REL), "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            if target in names:
                sheets[sheet.get("name").strip().lower()] = read_rows(archive, target, shared)
        return sheets


def _in_phonetic(si, t):
    for rph in si.findall("m:rPh", NS):
        if t in rph.iter():
            return True
    return False


def read_rows(archive, name, shared):
    rows = []
    for row in read_xml(archive, name).iter(f"{{{NS['m']}}}row"):
        number = int(row.get("r", len(rows) + 1))
        cells = {}
        for c in row.findall("m:c", NS):
            kind, value = c.get("t"), c.find("m:v", NS)
            if kind == "s" and value is not None:
                text = shared[int(value.text)]
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            elif kind == "b" and value is not None:
                text = "TRUE" if value.text == "1" else "FALSE"
            else:
                text = value.text if value is not None and value.text else ""
                if kind is None and re.fullmatch(r"-?\d+\.0", text):
                    text = text[:-2]
            cells[cell_column(c.get("r"))] = text.strip()
        rows.append((number, cells))
    return rows


def as_dicts(rows):
    """The sheet's rows as (row number, {header: value}), the header being the first row."""
    if not rows:
        return []
    header = {i: h.strip() for i, h in rows[0][1].items() if h.strip()}
    out = []
    for number, cells in rows[1:]:
        record = {header[i]: v for i, v in cells.items() if i in header and v != ""}
        if record:
            out.append((number, record))
    return out


# --- the form ---------------------------------------------------------------------------------
def split_lang(column):
    """'label::Pashto (ps)' -> ('label', 'Pashto (ps)'); 'media::image::X' -> ('image', 'X')."""
    parts = [p.strip() for p in column.split("::")]
    if parts[0].lower() == "media" and len(parts) > 1:
        parts = parts[1:]
    return parts[0].lower(), (parts[1] if len(parts) > 1 else None)


class Texts:
    """The translatable texts of one element: {(kind, language): text}."""

    def __init__(self, record, kinds=("label", "hint", "image", "constraint_message",
                                      "jr:constraintmsg")):
        self.values = {}
        for column, value in record.items():
            kind, lang = split_lang(column)
            if kind == "jr:constraintmsg":
                kind = "constraint_message"
            if kind in kinds:
                self.values[(kind, lang)] = value

    def languages(self):
        return {lang for (_, lang) in self.values}

    def get(self, kind, lang=None):
        return self.values.get((kind, lang))


class Node:
    def __init__(self, kind, name, row, record, parent=None):
        self.kind, self.name, self.row, self.record, self.parent = kind, name, row, record, parent
        self.children = []
        self.texts = Texts(record)

    @property
    def path(self):
        return (self.parent.path if self.parent else "") + "/" + self.name


def parse_type(text, row, choices):
    words = text.split()
    head = words[0] if words else ""
    head = {"select one": "select_one", "select all that apply": "select_multiple"}.get(
        " ".join(words[:2]), head)
    if head in ("select_one", "select_multiple"):
        rest = words[1:] if words[0] == head else words[2:]
        if len(rest) != 1:
            raise row_error(row, f"Unknown question type '{text}'.")
        if rest[0] not in choices:
            raise row_error(row, f"List name not in choices sheet: {rest[0]}")
        return head, rest[0]
    if head in ("select_one_from_file", "select_multiple_from_file"):
        if len(words) != 2 or not re.fullmatch(r"[\w.\-]+\.(csv|xml|geojson)", words[1]):
            raise row_error(row, f"Unknown question type '{text}'.")
        return head, words[1]
    if len(words) == 1 and (head in TYPES or head in ("begin_group", "end_group",
                                                     "begin_repeat", "end_repeat")):
        return head, None
    joined = "_".join(words).lower()
    if joined in ("begin_group", "end_group", "begin_repeat", "end_repeat"):
        return joined, None
    raise row_error(row, f"Unknown question type '{text}'.")


def build_tree(survey, choices, root_name):
    root = Node("group", root_name, 1, {})
    stack = [root]
    for row, record in survey:
        type_text = record.get("type", "").strip()
        if not type_text:
            if any(k for k in record if split_lang(k)[0] in ("label", "name")):
                raise row_error(row, "Question with no type.")
            continue
        kind, arg = parse_type(type_text, row, choices)
        if kind in ("end_group", "end_repeat"):
            want = "group" if kind == "end_group" else "repeat"
            if len(stack) == 1 or stack[-1].kind != want:
                raise row_error(row, f"Unmatched '{kind}'. No matching 'begin_{want}' was found.")
            stack.pop()
            continue
        name = record.get("name", "").strip()
        if not name:
            raise row_error(row, "Question or group with no name.")
        if not NAME_RE.match(name):
            raise row_error(row, f"Invalid question name '{name}'. Names must begin with a "
                            "letter or underscore; other characters can include letters, "
                            "numbers, hyphens, underscores, and periods.")
        parent = stack[-1]
        if any(c.name.lower() == name.lower() for c in parent.children):
            raise row_error(row, f"There are more than one survey elements named '{name}' "
                            f"(case-insensitive) in the section named '{parent.name}'.")
        node_kind = {"begin_group": "group", "begin_repeat": "repeat"}.get(kind, "question")
        node = Node(node_kind, name, row, record, parent)
        node.type, node.list = kind, arg
        parent.children.append(node)
        if node_kind != "question":
            stack.append(node)
    if len(stack) > 1:
        open_one = stack[-1]
        raise row_error(open_one.row, f"Unmatched 'begin_{open_one.kind}'. No matching "
                        f"'end_{open_one.kind}' was found.")
    return root


def walk(node):
    for child in node.children:
        yield child
        yield from walk(child)


class Writer:
    def __init__(self, root, choices, settings, languages):
        self.root, self.choices, self.settings = root, choices, settings
        self.languages = languages
        self.itext = {lang: [] for lang in languages}
        self.paths = {}
        for node in walk(root):
            self.paths.setdefault(node.name, node.path)
        self.media = []

    def expand(self, text, row):
        def replace(match):
            name = match.group(1)
            if name not in self.paths:
                raise row_error(row, f"There has been a problem trying to replace ${{{name}}} "
                                "with the XPath to the survey element named "
                                f"'{name}'. There is no survey element with this name.")
            return self.paths[name]
        return REF_RE.sub(replace, text)

    def label_xml(self, texts, row, ident, tag="label", kinds=("label", "image")):
        if not self.languages or not any(texts.get(k, lang) for k in kinds
                                         for lang in self.languages):
            text = texts.get(kinds[0])
            if text is None:
                return ""
            return f"<{tag}>{self.outputs(text, row)}</{tag}>"
        for lang in self.languages:
            values = []
            for kind in kinds:
                text = texts.get(kind, lang if lang != "default" else None)
                if text is None and lang == "default":
                    continue
                if text is None:
                    text = texts.get(kind, None)
                if text is None:
                    continue
                if kind == "image":
                    self.media.append(text)
                    values.append(f'<value form="image">jr://images/{escape(text)}</value>')
                else:
                    values.append(f"<value>{self.outputs(text, row)}</value>")
            if values:
                self.itext[lang].append(f'<text id="{escape(ident)}">{"".join(values)}</text>')
        return f"<{tag} ref=\"jr:itext('{escape(ident)}')\"/>"

    def outputs(self, text, row):
        escaped = escape(text)
        return REF_RE.sub(lambda m: f'<output value="{escape(self.expand(m.group(0), row))}"/>',
                          escaped)

    def instance(self, node, depth):
        pad = "  " * depth
        if node.kind == "question":
            default = node.record.get("default", "")
            return f"{pad}<{node.name}>{escape(default)}</{node.name}>"
        inner = "\n".join(self.instance(c, depth + 1) for c in node.children)
        return f"{pad}<{node.name}>\n{inner}\n{pad}</{node.name}>"

    def binds(self):
        out = []
        for node in walk(self.root):
            if node.kind != "question":
                attrs = {}
            else:
                bind_type, _, extra = TYPES.get(node.type, ("string", None, {}))
                if node.type == "select_one" or node.type == "select_one_from_file":
                    bind_type = "string"
                if node.type.startswith("select_multiple"):
                    bind_type = "string"
                attrs = {"type": bind_type}
                attrs.update({k: v for k, v in extra.items() if k in BIND_ATTRS})
            rec = node.record
            for column, attr in (("relevant", "relevant"), ("constraint", "constraint"),
                                 ("calculation", "calculate")):
                if rec.get(column):
                    attrs[attr] = self.expand(rec[column], node.row)
            if rec.get("required", "").lower() in ("yes", "true", "true()", "1"):
                attrs["required"] = "true()"
            if rec.get("read_only", "").lower() in ("yes", "true", "true()", "1"):
                attrs["readonly"] = "true()"
            message = node.texts.get("constraint_message")
            if message:
                attrs["jr:constraintMsg"] = message
            if attrs:
                joined = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
                out.append(f'<bind nodeset="{node.path}" {joined}/>')
        return out

    def body(self, node, depth):
        out = []
        pad = "  " * depth
        for child in node.children:
            ident = f"{child.path}:label"
            label = self.label_xml(child.texts, child.row, ident)
            hint = self.label_xml(child.texts, child.row, f"{child.path}:hint", "hint", ("hint",))
            appearance = child.record.get("appearance")
            app = f" appearance={quoteattr(appearance)}" if appearance else ""
            if child.kind == "group":
                inner = self.body(child, depth + 1)
                out.append(f'{pad}<group ref="{child.path}"{app}>{label}\n{inner}\n{pad}</group>')
            elif child.kind == "repeat":
                inner = self.body(child, depth + 2)
                out.append(f'{pad}<group ref="{child.path}">{label}\n{pad}  <repeat nodeset='
                           f'"{child.path}"{app}>\n{inner}\n{pad}  </repeat>\n{pad}</group>')
            else:
                out.append(pad + self.control(child, label + hint, app))
        return "\n".join(out)

    def control(self, node, texts, app):
        ref = f'ref="{node.path}"'
        if node.type in ("select_one", "select_multiple"):
            tag = "select1" if node.type == "select_one" else "select"
            items = []
            for i, (row, choice) in enumerate(self.choices[node.list]):
                label = self.label_xml(Texts(choice), row, f"{node.list}-{i}")
                items.append(f"<item>{label}<value>{escape(choice['name'])}</value></item>")
            return f"<{tag} {ref}{app}>{texts}{''.join(items)}</{tag}>"
        if node.type.endswith("_from_file"):
            tag = "select1" if node.type.startswith("select_one") else "select"
            instance = Path(node.list).stem
            flt = node.record.get("choice_filter")
            where = f"[{self.expand(flt, node.row)}]" if flt else ""
            return (f"<{tag} {ref}{app}>{texts}<itemset nodeset=\"instance('{instance}')/root/"
                    f"item{where}\"><value ref=\"name\"/><label ref=\"label\"/></itemset></{tag}>")
        _, control, extra = TYPES[node.type]
        if control is None:
            return ""
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in extra.items() if k not in BIND_ATTRS)
        if control == "range":
            params = node.record.get("parameters", "start=0 end=10 step=1")
            for part in params.split():
                key, _, value = part.partition("=")
                attrs += f" {key}={quoteattr(value)}"
        return f"<{control} {ref}{attrs}{app}>{texts}</{control}>"

    def external_instances(self):
        seen = []
        for node in walk(self.root):
            if node.kind == "question" and node.type.endswith("_from_file"):
                if node.list not in seen:
                    seen.append(node.list)
        self.media.extend(seen)
        return [f'<instance id="{escape(Path(f).stem)}" src="jr://file-csv/{escape(f)}"/>'
                if f.endswith(".csv") else
                f'<instance id="{escape(Path(f).stem)}" src="jr://file/{escape(f)}"/>'
                for f in seen]

    def xml(self):
        s = self.settings
        form_id, title = s["form_id"], s.get("form_title") or s["form_id"]
        version = s.get("version")
        attrs = f' id={quoteattr(form_id)}' + (f" version={quoteattr(version)}" if version else "")
        meta = "<meta><instanceID/>" + ("<instanceName/>" if s.get("instance_name") else "") + \
               "</meta>"
        body = self.body(self.root, 2)
        binds = self.binds()
        binds.append(f'<bind nodeset="/{self.root.name}/meta/instanceID" type="string" '
                     'readonly="true()" jr:preload="uid"/>')
        if s.get("instance_name"):
            binds.append(f'<bind nodeset="/{self.root.name}/meta/instanceName" type="string" '
                         f'calculate={quoteattr(self.expand(s["instance_name"], 1))}/>')
        inner = "\n".join(self.instance(c, 4) for c in self.root.children)
        externals = self.external_instances()
        itext = ""
        if self.languages:
            default = s.get("default_language")
            parts = []
            for lang in self.languages:
                mark = ' default="true()"' if lang == default else ""
                parts.append(f'<translation lang={quoteattr(lang)}{mark}>'
                             f'{"".join(self.itext[lang])}</translation>')
            itext = "<itext>" + "".join(parts) + "</itext>\n      "
        return f"""<?xml version="1.0" encoding="utf-8"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:ev="http://www.w3.org/2001/xml-events" \
xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" \
xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms" \
xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <h:head>
    <h:title>{escape(title)}</h:title>
    <model odk:xforms-version="1.0.0">
      {itext}<instance>
        <{self.root.name}{attrs}>
{inner}
          {meta}
        </{self.root.name}>
      </instance>
      {"".join(externals)}
      {"".join(binds)}
    </model>
  </h:head>
  <h:body>
{body}
  </h:body>
</h:html>
"""


def convert(source, target):
    sheets = read_sheets(source)
    if "survey" not in sheets:
        raise FormError("You must have a sheet named 'survey'. ")
    survey = as_dicts(sheets["survey"])
    choices = {}
    for row, record in as_dicts(sheets.get("choices", [])):
        list_name = record.get("list_name") or record.get("list name")
        if list_name:
            if not record.get("name"):
                raise row_error(row, "[choices] A choice has no name.")
            choices.setdefault(list_name, []).append((row, record))
    settings_rows = as_dicts(sheets.get("settings", []))
    settings = dict(settings_rows[0][1]) if settings_rows else {}
    settings.setdefault("form_id", settings.get("id_string") or Path(source).stem)
    root_name = settings.get("name") or "data"
    root = build_tree(survey, choices, root_name)
    languages = set()
    for node in walk(root):
        languages |= node.texts.languages()
    for rows in choices.values():
        for _, record in rows:
            languages |= Texts(record).languages()
    named = sorted(lang for lang in languages if lang)
    languages = (["default"] if None in languages else []) + named if named else []
    if not named and any(node.texts.get("image") for node in walk(root)):
        languages = ["default"]
    Path(target).write_text(Writer(root, choices, settings, languages).xml(), encoding="utf-8")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print("usage: xls2xform.py --json FORM.xlsx OUT.xml", file=sys.stderr)
        return 2
    try:
        convert(args[0], args[1])
        answer = {"code": 100, "message": "Ok!", "warnings": []}
    except FormError as error:
        answer = {"code": 999, "message": str(error)}
    except Exception as error:  # a workbook this reader does not understand
        answer = {"code": 999, "message": f"The file could not be read as an XLSForm: {error}"}
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
