#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# usage: check-decode.sh TREE VMLINUX MODDIR LOG OUTDIR
#
# scripts/decode_stacktrace.sh of TREE must decode the annotated LOG exactly
# as it decodes the same log with the kernel's " (file:line)" annotations
# removed, and must still add addr2line's lines to the test module's frames.
set -u
tree=$1 vmlinux=$2 moddir=$3 log=$4 out=$5

tr -d '\r' <"$log" >"$out/decode-annotated.log"
sed -E 's/ \([^ ()]+:[0-9]+\)$//' "$out/decode-annotated.log" >"$out/decode-plain.log"
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
if cmp -s "$out/decode-annotated.out" "$out/decode-plain.out"; then
	echo "PASS decode: decode_stacktrace.sh decodes the annotated log like the plain one"
else
	diff "$out/decode-plain.out" "$out/decode-annotated.out" | head -20 | sed 's/^/    /'
	echo "FAIL decode: decode_stacktrace.sh output differs on the annotated log"
	exit 1
fi
if grep -qE 'trace_test_level1 \(.*trace_test\.c:[0-9]+\)' \
	"$out/decode-annotated.out"; then
	echo "PASS decode: module frames decoded with their source line"
else
	echo "FAIL decode: no decoded trace_test_level1 frame with a source line"
	exit 1
fi
