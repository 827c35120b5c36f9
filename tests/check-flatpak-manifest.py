#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the flatpak-builder manifest without building it.

Usage: check-flatpak-manifest.py MANIFEST [--app-id ID] [--command CMD]

The runtime is not available where the tests run, so this only catches the
mistakes that would make flatpak-builder stop or build the wrong thing:
a manifest that is not JSON, a missing module, a module without sources or
build system, the wrong app id or command.
"""

import argparse
import json
import sys

APP_MODULE = 'crisis-room'
REQUIRED_MODULES = ('cjson', 'libshumate', APP_MODULE)
BUILDSYSTEMS = ('autotools', 'cmake', 'cmake-ninja', 'meson', 'simple', 'qmake')


def walk_modules(modules, problems, where='modules'):
    """Yields every module object, nested ones included."""
    if not isinstance(modules, list):
        problems.append(f'{where} must be a list')
        return
    for index, module in enumerate(modules):
        if isinstance(module, str):
            # A path to a module file; flatpak-builder would load it.
            problems.append(f'{where}[{index}] is an external module file '
                            f'({module}); inline it so it can be checked')
            continue
        if not isinstance(module, dict):
            problems.append(f'{where}[{index}] is not an object')
            continue
        yield module
        if 'modules' in module:
            yield from walk_modules(module['modules'], problems,
                                    f'{where}[{index}].modules')


def check_module(module, problems):
    name = module['name']
    buildsystem = module.get('buildsystem', 'autotools')
    if 'buildsystem' not in module:
        problems.append(f'module {name}: no "buildsystem"')
    elif buildsystem not in BUILDSYSTEMS:
        problems.append(f'module {name}: unknown buildsystem "{buildsystem}"')
    sources = module.get('sources')
    if not isinstance(sources, list) or not sources:
        problems.append(f'module {name}: no "sources"')
        return
    for index, source in enumerate(sources):
        if not isinstance(source, dict) or 'type' not in source:
            problems.append(f'module {name}: source {index} has no "type"')
            continue
        kind = source['type']
        if kind == 'git' and not ('url' in source and
                                  ('tag' in source or 'commit' in source or
                                   'branch' in source)):
            problems.append(f'module {name}: git source {index} needs a url '
                            'and a tag or commit')
        if kind in ('archive', 'file') and 'path' not in source and not (
                'url' in source and ('sha256' in source or 'sha512' in source)):
            problems.append(f'module {name}: {kind} source {index} needs a '
                            'url with a checksum, or a path')
        if kind == 'dir' and 'path' not in source:
            problems.append(f'module {name}: dir source {index} needs a path')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('manifest')
    parser.add_argument('--app-id', default='io.github.crisisroom.CrisisRoom')
    parser.add_argument('--command', default='crisis-room')
    args = parser.parse_args()

    try:
        with open(args.manifest, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{args.manifest}: cannot read the manifest: {e}')
        return 1
    if not isinstance(manifest, dict):
        print(f'{args.manifest}: the manifest is not a JSON object')
        return 1

    problems = []
    app_id = manifest.get('app-id', manifest.get('id'))
    if app_id != args.app_id:
        problems.append(f'app-id is {app_id!r}, expected {args.app_id!r}')
    if manifest.get('command') != args.command:
        problems.append(f'command is {manifest.get("command")!r}, '
                        f'expected {args.command!r}')
    for key in ('runtime', 'runtime-version', 'sdk'):
        if not manifest.get(key):
            problems.append(f'no "{key}"')

    modules = {}
    for module in walk_modules(manifest.get('modules', []), problems):
        name = module.get('name')
        if not name:
            problems.append('a module has no "name"')
            continue
        if name in modules:
            problems.append(f'module {name} is listed twice')
        modules[name] = module
        check_module(module, problems)

    for name in REQUIRED_MODULES:
        if name not in modules:
            problems.append(f'module {name} is missing')

    # The application is built last so it links against the bundled libraries.
    top = [m.get('name') for m in manifest.get('modules', [])
           if isinstance(m, dict)]
    if top and top[-1] != APP_MODULE:
        problems.append(f'the last module is {top[-1]!r}; {APP_MODULE} must '
                        'be built last, after its dependencies')

    for problem in problems:
        print(f'{args.manifest}: {problem}')
    if not problems:
        print(f'{args.manifest}: ok ({", ".join(sorted(modules))})')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
