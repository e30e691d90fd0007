#!/usr/bin/env python3
"""Writes OUT, a C++ source holding the web app's translated strings that the built-in XForms
use (see web_strings.hpp), so a form's labels are the web form's labels in every language.

Usage: embed_web_strings.py OUT WEB_SRC

Reads the languages from web/src/i18n/index.ts (LANGUAGES: code, name, dir, intl) and, for each, the
string tables web/src/i18n/<lang>.ts and web/src/features/{fieldwork,registry}/strings/<lang>.ts.
Only entries whose key starts with one of PREFIXES and whose value is one plain string literal
(not a plural object) are kept. A JavaScript string literal and a C++ one mean the same for the
escapes the tables use (\\uXXXX, \\n, \\\\, \\"), so values are copied as written.
"""
import re
import sys

PREFIXES = ("act.", "fb.", "hh.", "person.", "wg.", "enum.", "cfg.", "reg.")
TABLES = ("i18n/{}.ts", "features/fieldwork/strings/{}.ts", "features/registry/strings/{}.ts")
LANG = re.compile(r"\{\s*code:\s*'([a-z]{2,3})',\s*name:\s*'([^']*)',\s*dir:\s*'(ltr|rtl)'(?:,\s*intl:\s*'[^']*')?\s*\}")
# 'key': 'value',   'key':\n    "value",
ENTRY = re.compile(
    r"^\s*'([A-Za-z0-9_.+\-]+)':\s*(?:\n\s*)?('(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"),?\s*$",
    re.M)


def cpp_literal(js):
    body = js[1:-1]
    if js[0] == "'":
        body = body.replace("\\'", "'")
        body = re.sub(r'(?<!\\)"', '\\"', body)
    return '"' + body + '"'


def main():
    out, web_src = sys.argv[1], sys.argv[2]
    with open(web_src + "/i18n/index.ts", encoding="utf-8") as f:
        languages = LANG.findall(f.read())
    if not languages or languages[0][0] != "en":
        sys.exit("embed_web_strings: no LANGUAGES (English first) in i18n/index.ts")
    rows = []
    for code, _, _ in languages:
        for table in TABLES:
            with open(web_src + "/" + table.format(code), encoding="utf-8") as f:
                text = f.read()
            for key, value in ENTRY.findall(text):
                if key.startswith(PREFIXES):
                    rows.append('    {"%s", "%s", %s},\n' % (code, key, cpp_literal(value)))
    langs = "".join('    {"%s", "%s", %s},\n' % (c, n, "true" if d == "rtl" else "false")
                    for c, n, d in languages)
    content = ("// Generated from web/src by src/xforms/builtin/embed_web_strings.py. Do not edit.\n"
               '#include "xforms/builtin/web_strings.hpp"\n\n'
               "namespace mobilise::xforms::builtin {\nnamespace {\n"
               "const WebLanguage kLanguages[] = {\n" + langs + "};\n"
               "const WebString kStrings[] = {\n" + "".join(rows) + "};\n}  // namespace\n\n"
               "std::span<const WebLanguage> WebLanguages() { return kLanguages; }\n"
               "std::span<const WebString> WebStrings() { return kStrings; }\n\n"
               "}  // namespace mobilise::xforms::builtin\n")
    try:
        with open(out, encoding="utf-8") as f:
            if f.read() == content:
                return
    except OSError:
        pass
    with open(out, "w", encoding="utf-8") as f:
        f.write(content)


if __name__ == "__main__":
    main()
