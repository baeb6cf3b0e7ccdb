#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# gen_lineinfo says what its tables lack: one "gen_lineinfo: warning: FILE:
# ..." line on stderr per loss, the tables still written, exit status 0;
# and no warning on a clean input.
#
# usage: warnings.sh GEN DIR CLEAN DEEP
#   GEN    the gen_lineinfo to test
#   DIR    a scratch directory
#   CLEAN  a test program that loses nothing (gcc -O2 -g)
#   DEEP   a test program with calls inlined 20 deep (progs/deep.c)
#
# Prints "PASS warning-<case> (<message>)", "SKIP ..." or "FAIL warning-<case>: <why>".

gen=$1 d=$2 clean=$3 deep=$4
P=$(cd "$(dirname "$0")" && pwd)/progs
fail=0
mkdir -p "$d"

# expect NAME REGEX INPUT: gen_lineinfo --inline succeeds on INPUT and
# prints, among its warnings, one matching "gen_lineinfo: warning: INPUT: REGEX"
expect() {
	local name=$1 re=$2 in=$3
	if ! "$gen" --inline --raw "$d/$name.bin" "$in" 2>"$d/$name.err"; then
		echo "FAIL warning-$name: exit status $? ($(tail -1 "$d/$name.err"))"
		fail=1
	elif grep -v '^gen_lineinfo: warning: ' "$d/$name.err" | grep -q .; then
		echo "FAIL warning-$name: not a warning: $(grep -v '^gen_lineinfo: warning: ' "$d/$name.err" | head -1)"
		fail=1
	elif ! grep -qE "^gen_lineinfo: warning: $in: $re\$" "$d/$name.err"; then
		echo "FAIL warning-$name: no 'gen_lineinfo: warning: $in: $re' in: $(head -3 "$d/$name.err")"
		fail=1
	else
		echo "PASS warning-$name ($(grep -E "^gen_lineinfo: warning: $in: $re\$" "$d/$name.err" | head -1))"
	fi
}

# a clean input: nothing lost, nothing said
"$gen" --inline --raw "$d/clean.bin" "$clean" 2>"$d/clean.err"
if [ -s "$d/clean.err" ]; then
	echo "FAIL warning-none: $(head -1 "$d/clean.err")"
	fail=1
else
	echo "PASS warning-none (no warning on $(basename "$clean"))"
fi

# chains deeper than 16 are cut, not dropped
expect deep "[0-9]+ address ranges in calls inlined deeper than 16 \(up to 20\): their chains cut to the innermost 16 call sites" "$deep"

# a CU without a range in .debug_aranges: libdw never asks it, its rows go
# (gcc writes .debug_aranges, clang only with -gdwarf-aranges)
if command -v clang-19 >/dev/null; then
	gcc -O2 -g -no-pie -I"$P" -c "$P/main.c" -o "$d/main.o" &&
	clang-19 -O2 -g -fno-pie -I"$P" -c "$P/walk.c" -o "$d/walk.o" &&
	gcc -no-pie "$d/main.o" "$d/walk.o" -o "$d/mixed" &&
	expect dropped-cu "CU $P/walk.c dropped: [0-9]+ line rows in the text, no address range of it in .debug_aranges" "$d/mixed"
else
	echo "SKIP warning-dropped-cu: no clang-19"
fi

# a CU whose line program cannot be read (its version made 99): its code
# has no lines and its inlined call sites no file
cp "$clean" "$d/badline"
python3 - "$d/badline" <<'EOF' || { echo "FAIL warning-unreadable-cu: cannot corrupt the line program"; fail=1; }
import struct, subprocess, sys
f = sys.argv[1]
out = subprocess.run(["readelf", "-W", "-S", f], capture_output=True, text=True).stdout
sec = [l for l in out.splitlines() if " .debug_line " in l][0]
off = int(sec.split("]", 1)[1].split()[3], 16)
raw = subprocess.run(["readelf", "--debug-dump=rawline", f], capture_output=True, text=True).stdout
units = [int(l.split()[-1], 16) for l in raw.splitlines() if l.strip().startswith("Offset:")]
with open(f, "r+b") as fh:
    fh.seek(off + units[-1] + 4)	# the last CU's unit_length, then version
    fh.write(struct.pack("<H", 99))
EOF
expect unreadable-cu "CU .*: line program unreadable \(.*\): its code has no lines" "$d/badline"
expect no-file "CU .*: the file of [0-9]+ inlined call sites not found \(line program unreadable\): printed as \?\?" "$d/badline"

exit $fail
