# SPDX-License-Identifier: GPL-2.0
"""Shared reading of a boot test's serial log, for the check-*.py scripts."""


def unreplay(lines):
    """Drop what a console printed twice: a line cut short by a console
    takeover is printed again after "** replaying previous printk
    message **". The marker goes, and so does the line before it when
    the replayed line starts with it (the cut copy; the cut can also
    fall before any of it was printed)."""
    out = []
    for i, line in enumerate(lines):
        if "** replaying previous printk message **" in line:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if out and nxt.startswith(out[-1]):
                out.pop()
            continue
        out.append(line)
    return out
