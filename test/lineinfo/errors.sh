#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# gen_lineinfo on bad input and bad options: exactly one line on stderr,
# "gen_lineinfo: FILE: REASON" (or "gen_lineinfo: OPTION: REASON"), the
# reason the expected one, and the expected exit status.
#
# usage: errors.sh GEN DIR PROG
#   GEN   the gen_lineinfo to test
#   DIR   a scratch directory
#   PROG  a test executable with DWARF (gcc -O2 -g)
#
# Prints "PASS error-<case> (<message>)", "SKIP ..." or "FAIL error-<case>: <why>".

gen=$1 d=$2 prog=$3
P=$(cd "$(dirname "$0")" && pwd)/progs
fail=0
mkdir -p "$d"

# expect NAME STATUS REGEX ARGS...: one "gen_lineinfo: " line matching
# REGEX (an extended regular expression), exit status STATUS
expect() {
	local name=$1 want=$2 re=$3 st
	shift 3
	"$gen" "$@" 2>"$d/$name.err" >/dev/null
	st=$?
	if [ "$st" -ne "$want" ]; then
		echo "FAIL error-$name: exit status $st, wanted $want ($(head -1 "$d/$name.err"))"
		fail=1
	elif [ "$(wc -l <"$d/$name.err")" -ne 1 ]; then
		echo "FAIL error-$name: wanted one line on stderr, got $(wc -l <"$d/$name.err")"
		fail=1
	elif ! grep -qE "^gen_lineinfo: $re\$" "$d/$name.err"; then
		echo "FAIL error-$name: '$(cat "$d/$name.err")' does not match 'gen_lineinfo: $re'"
		fail=1
	else
		echo "PASS error-$name ($(cat "$d/$name.err"))"
	fi
}

# -- files that are no input -----------------------------------------------
printf 'not an ELF file\n' >"$d/text"
head -c 3000 "$prog" >"$d/truncated"
objcopy --strip-debug "$prog" "$d/nodwarf"
: >"$d/empty"
cp "$prog" "$d/core"
printf '\004' | dd of="$d/core" bs=1 seek=16 conv=notrunc status=none
rm -f "$d/archive.a" "$d/missing"
ar rc "$d/archive.a" "$d/text"
mkdir -p "$d/dir"

out=(--raw "$d/out.bin")
expect text 1 "$d/text: not an ELF file \(no ELF header\)" "${out[@]}" "$d/text"
expect truncated 1 "$d/truncated: truncated file \(section headers missing\)" "${out[@]}" "$d/truncated"
expect nodwarf 1 "$d/nodwarf: no DWARF debug information \(.*\)" "${out[@]}" "$d/nodwarf"
expect core 1 "$d/core: neither a vmlinux \(ET_EXEC or ET_DYN\) nor a module \(ET_REL\)" "${out[@]}" "$d/core"
expect empty 1 "$d/empty: empty file, not an ELF file" "${out[@]}" "$d/empty"
expect missing 1 "$d/missing: cannot open: No such file or directory" "${out[@]}" "$d/missing"
expect archive 1 "$d/archive.a: an archive, not an ELF file" "${out[@]}" "$d/archive.a"
expect directory 1 "$d/dir: not a regular file" "${out[@]}" "$d/dir"
expect unwritable 1 "$prog: cannot write $d/dir/no/out.bin: No such file or directory" \
	--raw "$d/dir/no/out.bin" "$prog"

# -- DWARF that gen_lineinfo cannot use ---------------------------------------
# zstd-compressed debug sections: libdw 0.188 cannot read them, and says
# only "unknown compression type"
if command -v clang-19 >/dev/null; then
	clang-19 -O2 -g -gz=zstd -I"$P" -c "$P/walk.c" -o "$d/zstd.o"
	expect zstd 1 "$d/zstd.o: no DWARF debug information: \.debug_[a-z_]+ is compressed with zstd, which this libdw \(elfutils [0-9.]+\) cannot read \(.*\); decompress it with objcopy --decompress-debug-sections" \
		"${out[@]}" "$d/zstd.o"
else
	echo "SKIP error-zstd: no clang-19"
fi
# split DWARF: the lines are in the object, the inlined functions in the
# .dwo; --inline refuses rather than write an empty inline section
(cd "$d" && gcc -O2 -g -gsplit-dwarf -I"$P" -c "$P/walk.c" -o split.o)
expect split-dwarf 1 "$d/split.o: split DWARF: the inlined functions of CU .* are in split.dwo, which --inline does not read; build without -gsplit-dwarf" \
	--inline "${out[@]}" "$d/split.o"
# a module without .text, and one whose CUs have no line rows
printf 'int data = 1;\n' >"$d/data.c"
gcc -g -c "$d/data.c" -o "$d/data.o"
objcopy -R .text "$d/data.o" "$d/notext.o"
expect notext 1 "$d/notext.o: no \.text section" "${out[@]}" "$d/notext.o"
printf 'int f(int x)\n{\n\treturn x + 1;\n}\n' >"$d/f.c"
gcc -O2 -c "$d/f.c" -o "$d/f.o"
ld -r "$d/f.o" "$d/data.o" -o "$d/norows.o"
expect norows 1 "$d/norows.o: no DWARF line rows in its 1 CUs \(code compiled without -g\?\)" \
	"${out[@]}" "$d/norows.o"

# -- options: a whole number in range, else a usage error (status 2) -------
for c in block:0 block:-5 block:12x block:99999999999 segment:0 segment:22 \
	 inline-block:0 inline-block:-1; do
	opt=${c%%:*} v=${c#*:}
	case $opt in segment) max=21 ;; *) max=65535 ;; esac
	expect "$opt$v" 2 "--$opt: '$v' is not a whole number from 1 to $max" \
		"--$opt" "$v" "${out[@]}" "$prog"
done
# --inline-block does nothing without --inline: refused, not ignored
expect inline-block-alone 2 "--inline-block: needs --inline" \
	--inline-block 4 "${out[@]}" "$prog"
if "$gen" 2>&1 | grep -q -- '--inline \[--inline-block N\]'; then
	echo "PASS usage-inline (the usage text names --inline and --inline-block)"
else
	echo "FAIL usage-inline: the usage text lacks --inline [--inline-block N]"
	fail=1
fi

# -- the input is closed once: libdwfl owns it once reported ----------------
if command -v strace >/dev/null; then
	strace -f -e trace=close -o "$d/close.log" "$gen" --inline "${out[@]}" "$prog" \
		2>/dev/null
	if grep -q EBADF "$d/close.log"; then
		echo "FAIL close-once: $(grep -m1 EBADF "$d/close.log")"
		fail=1
	else
		echo "PASS close-once ($(grep -c '^[0-9]* *close' "$d/close.log") close() calls, none on a closed descriptor)"
	fi
else
	echo "SKIP close-once: no strace (make deps installs it)"
fi

exit $fail
