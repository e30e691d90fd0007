#!/usr/bin/env python3
"""House limits (issue 13): no C++ source over 500 lines, no function over 80 lines.

Tests (*_test.cpp, *_test_support.hpp) and generated tables are exempt. Functions are found by
the shape clang-format gives them (Google style: namespace bodies not indented), so a function is
a statement that starts at column 0 and whose body ends at the next line that is just '}'.
Prints each offender; exits 1 if there is any. Usage: check_sizes.py DIR...
"""
import os
import re
import sys

MAX_FILE, MAX_FUNCTION = 500, 80
SKIP_PREFIXES = ('namespace', '}', '#', '//', '/*', ' *', 'struct', 'class', 'enum', 'union',
                 'using', 'template', 'static_assert', 'extern', 'typedef', 'inline constexpr',
                 'constexpr')


def exempt(path):
    name = os.path.basename(path)
    return name.endswith('_test.cpp') or 'test_support' in name


def functions(lines):
    """(first line, length, text) of every top-level function body."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line or line[0].isspace() or line.startswith(SKIP_PREFIXES) or '(' not in line:
            i += 1
            continue
        j = i  # the line that opens the body
        while j < len(lines) and j < i + 10:
            text = lines[j].rstrip()
            if text.endswith(';') or (text.endswith('}') and '{' in text):
                j = None  # a declaration or a one-line body
                break
            if text.endswith('{'):
                break
            j += 1
        if j is None or j >= len(lines) or not lines[j].rstrip().endswith('{') or \
                re.match(r'^[^(]*=', line):
            i += 1
            continue
        k = j + 1
        while k < len(lines) and not lines[k].startswith('}'):
            k += 1
        yield i + 1, k - i + 1, line.strip()
        i = k + 1


def main(dirs):
    bad = []
    for top in dirs:
        for root, _, files in os.walk(top):
            for f in sorted(files):
                path = os.path.join(root, f)
                if not f.endswith(('.cpp', '.hpp')) or exempt(path):
                    continue
                lines = open(path, encoding='utf-8').read().split('\n')
                if len(lines) - 1 > MAX_FILE:
                    bad.append(f'{path}: {len(lines) - 1} lines (limit {MAX_FILE})')
                for start, length, text in functions(lines):
                    if length > MAX_FUNCTION:
                        bad.append(f'{path}:{start}: function of {length} lines '
                                   f'(limit {MAX_FUNCTION}): {text[:70]}')
    for b in bad:
        print(b)
    print(f'check_sizes: {len(bad)} over the limits' if bad else 'check_sizes: clean')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['src', 'apps']))
