#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations against the current sources.

Usage: check-translations.py --complete SOURCE_ROOT
       check-translations.py --check SOURCE_ROOT

Both modes extract a fresh template from po/POTFILES.in with the keywords of
meson's glib preset (the ones `ninja crisis-room-pot` uses) and compare every
language of po/LINGUAS with it in temporary copies; the files in po/ are
never changed.

--complete  fails if any message of the current sources is untranslated or
            fuzzy in any language, and names the first ones.
--check     fails if `msgfmt --check` rejects a po file as it is, or once
            each entry gets the format flags (c-format...) the current
            sources give it, so a msgstr whose %d/%s do not match its msgid
            is caught even if the po file lost or never had its flags.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Kept in step with PRESET_ARGS['glib'] in meson's i18n module.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments=Translators',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_prefix_error:2:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

SHOWN_MISSING = 15


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, **kwargs)


def read_linguas(path):
    langs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            langs += line.split()
    return langs


def potfiles_entries(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith('#')]


def po_unquote(chunk):
    return bytes(chunk, 'utf-8').decode('unicode_escape').encode(
        'latin-1').decode('utf-8')


def read_blocks(path):
    """Splits a PO file into entries: lists of (line number, text)."""
    blocks, current = [], []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if line.strip():
                current.append((number, line))
            elif current:
                blocks.append(current)
                current = []
    if current:
        blocks.append(current)
    return blocks


def block_key(block):
    """Returns (msgctxt, msgid) of a live entry, None for the header and
    obsolete entries. Only what is needed to name a message is parsed."""
    fields, field = {}, None
    for _, line in block:
        if line.startswith('#'):
            continue
        m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if m:
            field = m.group(1)
            fields[field] = po_unquote(m.group(2))
            continue
        m = re.match(r'^"(.*)"$', line)
        if m and field:
            fields[field] += po_unquote(m.group(1))
    if not fields.get('msgid'):
        return None
    return fields.get('msgctxt'), fields['msgid']


def block_flags(block):
    flags = set()
    for _, line in block:
        if line.startswith('#,'):
            flags.update(f.strip() for f in line[2:].split(',') if f.strip())
    return flags


def read_msgids(path):
    """Returns (msgctxt, msgid) of every live entry of a PO file."""
    return [key for key in map(block_key, read_blocks(path)) if key]


def add_format_flags(po, pot, out):
    """Copies po to out, giving every entry the format flags (c-format…)
    the template has for it, so msgfmt --check compares the placeholders
    of each translation with its source even if the po file lost its flags
    (msgmerge would instead hide a mismatch by marking the entry fuzzy).
    Returns the original line number of each line of out."""
    wanted = {}
    for block in read_blocks(pot):
        key = block_key(block)
        if key:
            wanted[key] = {f for f in block_flags(block) if f.endswith('-format')}
    lines, origin = [], []
    for block in read_blocks(po):
        key = block_key(block)
        missing = wanted.get(key, set()) - block_flags(block) if key else set()
        flagged = False
        for number, line in block:
            if missing and line.startswith('#,'):
                line += ', ' + ', '.join(sorted(missing))
                flagged = True
            elif missing and not flagged and not line.startswith('#'):
                lines.append('#, ' + ', '.join(sorted(missing)))
                origin.append(number)
                flagged = True
            lines.append(line)
            origin.append(number)
        lines.append('')
        origin.append(block[-1][0] + 1)
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    return origin


def extract_template(root, workdir):
    potfiles_in = os.path.join(root, 'po', 'POTFILES.in')
    pot = os.path.join(workdir, 'crisis-room.pot')
    files = potfiles_entries(potfiles_in)
    if not files:
        # xgettext refuses an empty list; an empty template is the truth.
        with open(pot, 'w', encoding='utf-8') as f:
            f.write('msgid ""\nmsgstr ""\n'
                    '"Content-Type: text/plain; charset=UTF-8\\n"\n')
        return pot, None
    result = run(['xgettext', '--package-name=crisis-room', '--force-po',
                  '--files-from=' + potfiles_in, '--directory=' + root,
                  '--output=' + pot] + XGETTEXT_ARGS)
    if result.returncode != 0:
        return None, result.stderr.strip()
    return pot, None


def merge(po, pot, workdir, lang):
    merged = os.path.join(workdir, lang + '.po')
    result = run(['msgmerge', '--quiet', '--force-po', '--output-file=' + merged,
                  po, pot])
    if result.returncode != 0:
        return None, result.stderr.strip()
    return merged, None


def statistics(path):
    result = run(['msgfmt', '--check', '--statistics', '--output-file=' + os.devnull, path])
    counts = {}
    for key, pattern in (('translated', r'(\d+) translated message'),
                         ('fuzzy', r'(\d+) fuzzy translation'),
                         ('untranslated', r'(\d+) untranslated message')):
        m = re.search(pattern, result.stderr)
        counts[key] = int(m.group(1)) if m else 0
    errors = [line for line in result.stderr.splitlines()
              if not re.search(r'translated message|fuzzy translation', line)]
    return result.returncode, counts, errors


def describe(msgctxt, msgid):
    text = msgid if len(msgid) <= 70 else msgid[:67] + '...'
    text = text.replace('\n', '\\n')
    return f'[{msgctxt}] "{text}"' if msgctxt else f'"{text}"'


def main():
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument('--complete', action='store_true')
    mode.add_argument('--check', action='store_true')
    parser.add_argument('root')
    args = parser.parse_args()

    for tool in ('xgettext', 'msgmerge', 'msgfmt', 'msgattrib'):
        if shutil.which(tool) is None:
            print(f'{tool} is not installed; install gettext')
            return 77  # skipped

    # msgfmt's statistics are parsed, so they must be in English.
    os.environ['LC_ALL'] = 'C'
    os.environ.pop('LANGUAGE', None)

    podir = os.path.join(args.root, 'po')
    langs = read_linguas(os.path.join(podir, 'LINGUAS'))
    failed = False

    with tempfile.TemporaryDirectory(prefix='cr-i18n-') as workdir:
        pot, error = extract_template(args.root, workdir)
        if pot is None:
            print(f'xgettext failed on po/POTFILES.in:\n{error}')
            return 1
        total = sum(1 for _ in read_msgids(pot))

        for lang in langs:
            po = os.path.join(podir, lang + '.po')
            if not os.path.isfile(po):
                print(f'po/LINGUAS names {lang} but po/{lang}.po does not exist')
                failed = True
                continue

            if args.check:
                rc, _, errors = statistics(po)
                if rc != 0:
                    failed = True
                    print(f'po/{lang}.po: msgfmt --check fails:')
                    print('\n'.join('  ' + e for e in errors))
                    continue
                flagged = os.path.join(workdir, lang + '-flagged.po')
                origin = add_format_flags(po, pot, flagged)
                rc, _, errors = statistics(flagged)
                if rc != 0:
                    failed = True
                    print(f'po/{lang}.po: msgfmt --check fails once the entries '
                          'get the format flags of the current sources:')
                    for e in errors:
                        # Report lines of the real file, not of the copy.
                        m = re.match(r'^' + re.escape(flagged) + r':(\d+):(.*)$', e)
                        if m and int(m.group(1)) <= len(origin):
                            e = f'po/{lang}.po:{origin[int(m.group(1)) - 1]}:{m.group(2)}'
                        print('  ' + e)
                else:
                    print(f'po/{lang}.po: msgfmt --check ok')
                continue

            merged, error = merge(po, pot, workdir, lang)
            if merged is None:
                failed = True
                print(f'po/{lang}.po: msgmerge fails:\n{error}')
                continue
            rc, counts, errors = statistics(merged)

            # msgattrib picks the entries; read_msgids only names them.
            untranslated = run(['msgattrib', '--untranslated', '--no-obsolete',
                                '--force-po', merged]).stdout
            fuzzy = run(['msgattrib', '--only-fuzzy', '--no-obsolete',
                         '--force-po', merged]).stdout
            todo = []
            for kind, text in (('untranslated', untranslated), ('fuzzy', fuzzy)):
                path = os.path.join(workdir, f'{lang}-{kind}.po')
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
                todo += [(kind, ctx, msgid) for ctx, msgid in read_msgids(path)]

            if rc != 0 or counts['untranslated'] or counts['fuzzy']:
                failed = True
                print(f'po/{lang}.po: {counts["translated"]} of {total} messages '
                      f'translated, {counts["untranslated"]} untranslated, '
                      f'{counts["fuzzy"]} fuzzy')
                if rc != 0:
                    print('  msgfmt --check fails:')
                    print('\n'.join('    ' + e for e in errors))
                for kind, ctx, msgid in todo[:SHOWN_MISSING]:
                    print(f'  {kind}: {describe(ctx, msgid)}')
                if len(todo) > SHOWN_MISSING:
                    print(f'  ... and {len(todo) - SHOWN_MISSING} more')
            else:
                print(f'po/{lang}.po: all {total} messages translated')

    if failed and args.complete:
        print('Update the translations: run `ninja -C BUILDDIR crisis-room-pot '
              'crisis-room-update-po`, then translate the empty and fuzzy entries.')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
