#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# distro-table.py ARCH=BENCH_OUTPUT...: the vmlinux figures of each
# architecture's lineinfo benchmark (bench/lineinfo, run by distro.sh) side
# by side, with the per-part breakdown of gen_lineinfo --stats, in bytes
# per text line entry.
import re
import sys


def parse(path):
    text = open(path).read()
    # the first input of the run is the vmlinux
    part = re.split(r'^== ', text, flags=re.M)[1]
    lines_part, _, inl_part = part.partition('-- with the inline call site section')
    f = {}

    def num(pat, s=part, conv=float):
        m = re.search(pat, s, re.M)
        return conv(m.group(1)) if m else None

    f['name'] = part.split()[0]
    m = re.search(r'text table, bytes per line entry \((\d+) entries\): lines ([\d.]+), '
                  r'inline call sites ([\d.]+), lines \+ inline ([\d.]+)', inl_part)
    if m:
        f['entries'] = int(m.group(1))
        f['lines'], f['inline'], f['total'] = map(float, m.group(2, 3, 4))
    stats = re.search(r'^  lineinfo: text: .*$', inl_part, re.M)
    if stats:
        s = stats.group(0)
        for key, pat in (('index', r'index \d+ \(([\d.]+) B/e\)'),
                         ('blocks', r'blocks \d+ \(([\d.]+) B/e'),
                         ('palettes', r'palettes ([\d.]+)'),
                         ('segment records', r'segment records ([\d.]+)'),
                         ('page index', r'page index \d+ \(([\d.]+)\)'),
                         ('file table', r'file table \d+ \(([\d.]+)\)'),
                         ('names', r'names \d+ \(([\d.]+)\)')):
            f['l ' + key] = num(pat, s)
    e = f.get('entries')
    m = re.search(r'inline section: (\d+) blocks(?: of (\d+) entries or more)?, (\d+) entries, '
                  r'index (\d+)(?: \(page table \d+\), dictionary (\d+) \(\d+ sites\))?, '
                  r'blocks (\d+) \(([\d.]+) B/entry: opcodes ([\d.]+), sites ([\d.]+)\)', inl_part)
    if m and e:
        ie = int(m.group(3))
        f['i block size'] = m.group(2)
        f['i index'] = int(m.group(4)) / e
        if m.group(5):
            f['i dict'] = int(m.group(5)) / e
        f['i blocks'] = int(m.group(6)) / e
        f['i opcodes'] = float(m.group(8)) * ie / e
        f['i sites'] = float(m.group(9)) * ie / e
        f['i entries per line entry'] = ie / e
    f['cg line'] = num(r'callgrind ours: (\d+)', inl_part)
    f['cg chain'] = num(r'callgrind chain: (\d+)', inl_part)
    f['gen'] = num(r'generator wall time: ([\d.]+) s', lines_part)
    f['gen inline'] = num(r'generator wall time with --inline: ([\d.]+) s', inl_part)
    f['gen inline cpu'] = num(r'generator wall time with --inline: [\d.]+ s \(CPU ([\d.]+) s\)',
                              inl_part)
    f['disagree'] = num(r'agreement ours/flat/v1 on \d+ random offsets: (\d+) differ',
                        lines_part, int)
    # distro.sh keeps the check against libdw beside the benchmark
    try:
        check = open(re.sub(r'\.txt$', '.check.txt', path)).read()
    except OSError:
        check = ''
    n = f['name']
    m = re.search(r'^(PASS|FAIL) vs-libdw-%s .*?(\d+) disagree' % re.escape(n), check, re.M)
    if m:
        f['libdw lines'] = '%s, %s' % (m.group(2), m.group(1))
    m = re.search(r'^(PASS|FAIL) inline-vs-libdw-%s (\d+) random' % re.escape(n), check, re.M)
    if m:
        f['libdw chains'] = '%s of %s' % (m.group(1), m.group(2))
    return f


ROWS = [
    ('image', 'name', '{}'),
    ('text line entries', 'entries', '{:,}'),
    ('lines, B/entry', 'lines', '{:.2f}'),
    ('  block index', 'l index', '{:.3f}'),
    ('  blocks', 'l blocks', '{:.3f}'),
    ('    of which palettes', 'l palettes', '{:.3f}'),
    ('    of which segment records', 'l segment records', '{:.3f}'),
    ('  page index', 'l page index', '{:.3f}'),
    ('  file table', 'l file table', '{:.3f}'),
    ('  file names', 'l names', '{:.3f}'),
    ('inline section, B/entry', 'inline', '{:.2f}'),
    ('  blocks of at least (entries)', 'i block size', '{}'),
    ('  index and page table', 'i index', '{:.3f}'),
    ('  call site dictionary', 'i dict', '{:.3f}'),
    ('  blocks', 'i blocks', '{:.3f}'),
    ('    of which opcodes', 'i opcodes', '{:.3f}'),
    ('    of which call sites', 'i sites', '{:.3f}'),
    ('  inline entries per line entry', 'i entries per line entry', '{:.3f}'),
    ('lines + inline, B/entry', 'total', '{:.2f}'),
    ('callgrind line alone, instr/lookup', 'cg line', '{:.0f}'),
    ('callgrind line + chain, instr/lookup', 'cg chain', '{:.0f}'),
    ('gen_lineinfo wall time, s', 'gen', '{:.2f}'),
    ('gen_lineinfo --inline wall time, s', 'gen inline', '{:.2f}'),
    ('gen_lineinfo --inline CPU time, s', 'gen inline cpu', '{:.2f}'),
    ('lookups differing from flat/v1', 'disagree', '{}'),
    ('vs libdw, lines: addresses differing', 'libdw lines', '{}'),
    ('vs libdw, chains: random addresses', 'libdw chains', '{}'),
]


def main():
    cols = []
    for arg in sys.argv[1:]:
        arch, _, path = arg.partition('=')
        try:
            cols.append((arch, parse(path)))
        except (OSError, IndexError) as e:
            sys.exit('distro-table.py: %s: %s' % (path, e))
    w = max(len(r[0]) for r in ROWS)
    print('== distribution kernels side by side (vmlinux text, bytes per line entry)')
    print('  %-*s %s' % (w, '', ' '.join('%24s' % a for a, _ in cols)))
    for label, key, fmt in ROWS:
        vals = []
        for _, f in cols:
            v = f.get(key)
            vals.append('%24s' % ('-' if v is None else fmt.format(v)))
        print('  %-*s %s' % (w, label, ' '.join(vals)))


if __name__ == '__main__':
    main()
