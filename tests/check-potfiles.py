#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that po/POTFILES.in lists exactly what needs translating.

Usage: check-potfiles.py SOURCE_ROOT

Fails when a source file with translatable strings is not listed (its
strings would silently stay English) or when a listed file does not exist
(xgettext, and so `ninja crisis-room-pot`, would stop).
"""

import os
import re
import sys

# Directories scanned, and the file names looked at in each.
SCANNED = {
    'src': ('.c', '.h'),
    'resources': ('.ui',),
    'data': ('.in', '.xml'),
}

# Desktop files and AppStream metainfo are translated as a whole
# (Name, Comment, Keywords, summary, description), without markers.
ALWAYS_TRANSLATABLE = ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')

C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:(?:_|N_|C_|NC_)\s*\(\s*"'
                      r'|(?:ngettext|g_dngettext|g_dpgettext2|g_dcgettext)\s*\()')
XML_MARKER = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']')


def strip_c_comments(text):
    """Removes C comments but keeps string and character literals, so a
    comment that mentions _("…") does not count as a marker."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '/' and text.startswith('/*', i):
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
            out.append(' ')
        elif c == '/' and text.startswith('//', i):
            end = text.find('\n', i)
            i = n if end < 0 else end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def needs_translation(path):
    if path.endswith(ALWAYS_TRANSLATABLE):
        return True
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return False
    if path.endswith(('.c', '.h')):
        return C_MARKER.search(strip_c_comments(text)) is not None
    # .ui and other XML: GtkBuilder-style markers. A .in that is not XML
    # may also carry gettext markers (e.g. a generated C file template).
    return (XML_MARKER.search(text) is not None
            or C_MARKER.search(text) is not None)


def read_potfiles(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            # intltool-style "[type: gettext/glade]path" prefixes.
            line = re.sub(r'^\[[^\]]*\]\s*', '', line)
            entries.append((number, line))
    return entries


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip())
        return 2
    root = sys.argv[1]
    potfiles_in = os.path.join(root, 'po', 'POTFILES.in')
    try:
        entries = read_potfiles(potfiles_in)
    except OSError as e:
        print(f'cannot read {potfiles_in}: {e}')
        return 1
    listed = [path for _, path in entries]

    failed = False

    missing_files = [(n, p) for n, p in entries
                     if not os.path.isfile(os.path.join(root, p))]
    if missing_files:
        failed = True
        print('po/POTFILES.in lists files that do not exist '
              '(remove them or fix the path):')
        for number, path in missing_files:
            print(f'  po/POTFILES.in:{number}: {path}')

    unlisted = []
    for top, suffixes in SCANNED.items():
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(suffixes):
                    continue
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root).replace(os.sep, '/')
                if rel not in listed and needs_translation(full):
                    unlisted.append(rel)
    if unlisted:
        failed = True
        print('files with translatable strings missing from po/POTFILES.in '
              '(add them, one per line, sorted):')
        for path in unlisted:
            print(f'  {path}')

    # Not fatal: order and duplicates do not change the template, but the
    # list is edited by many people and a sorted list merges cleanly.
    duplicates = sorted({p for p in listed if listed.count(p) > 1})
    for path in duplicates:
        print(f'warning: po/POTFILES.in lists {path} more than once')
    if listed != sorted(listed):
        print('warning: po/POTFILES.in is not sorted')

    if not failed:
        print(f'po/POTFILES.in: ok ({len(listed)} files)')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
