#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# usage: check-decode.sh TREE VMLINUX MODDIR LOG OUTDIR
#
# scripts/decode_stacktrace.sh of TREE must decode the annotated LOG as it
# decodes the plain log, the same log with every annotation the kernel
# added removed: the single locations " (file:line)" and the inline
# call-site chains " (a.h:3 b.c:12)" (CONFIG_KALLSYMS_LINEINFO_INLINE).
# A frame with a chain must come out exactly as the kernel printed it (no
# second chain, nothing misparsed), and its chain must be the one that
# decode_stacktrace.sh finds with addr2line -i for the plain frame
# (decode-compare.py). It must still add addr2line's lines to the test
# module's frames.
set -u
tree=$1 vmlinux=$2 moddir=$3 log=$4 out=$5

# an annotation at the end of a line: one location, or a chain of them
loc='[^ ()]+:[0-9]+'
tr -d '\r' <"$log" >"$out/decode-annotated.log"
sed -E "s/ \\($loc( $loc)*\\)\$//" "$out/decode-annotated.log" >"$out/decode-plain.log"
if cmp -s "$out/decode-annotated.log" "$out/decode-plain.log"; then
	echo "FAIL decode: the log has no annotated frame to decode"
	exit 1
fi
# (scripts/decodecode names its mktemp files in its messages: those names
# differ from run to run)
for k in annotated plain; do
	"$tree/scripts/decode_stacktrace.sh" "$vmlinux" "$tree" "$moddir" \
		<"$out/decode-$k.log" 2>&1 |
		sed -E 's#/tmp/tmp\.[A-Za-z0-9]+#/tmp/tmp.XXXXXXXXXX#g' >"$out/decode-$k.out"
done
chain=" \\($loc( $loc)+\\)\$"
nchain=$(grep -cE "$chain" "$out/decode-annotated.log")
if [ "$nchain" != 0 ]; then
	# every frame with a chain, verbatim in the output (the script reads
	# lines with "read", which drops leading blanks from every line)
	grep -E "$chain" "$out/decode-annotated.log" | sed 's/^[[:blank:]]*//' |
		sort -u >"$out/decode-chains.log"
	sed 's/^[[:blank:]]*//' "$out/decode-annotated.out" >"$out/decode-out.trim"
	missing=$(grep -vxFf "$out/decode-out.trim" "$out/decode-chains.log" | wc -l)
	if [ "$missing" = 0 ]; then
		echo "PASS decode: all $nchain frames with an inline chain left as the kernel printed them"
	else
		grep -vxFf "$out/decode-out.trim" "$out/decode-chains.log" | head -5 | sed 's/^/    /'
		echo "FAIL decode: $missing frames with an inline chain changed by decode_stacktrace.sh"
		exit 1
	fi
fi
# line by line: the same, or a frame with a chain whose chain is the one
# decode_stacktrace.sh finds for the plain frame
python3 "$(dirname "$0")/decode-compare.py" "$tree" "$vmlinux" "$moddir" \
	"$out/decode-annotated.out" "$out/decode-plain.out" || exit 1
if grep -qE 'trace_test_level1 \(.*trace_test\.c:[0-9]+\)' \
	"$out/decode-annotated.out"; then
	echo "PASS decode: module frames decoded with their source line"
else
	echo "FAIL decode: no decoded trace_test_level1 frame with a source line"
	exit 1
fi
