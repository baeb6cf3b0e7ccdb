#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: build the tree, boot the x86_64 test kernel with the test
# module in QEMU, and show what the series does: an annotated stack trace,
# how every annotation compares with addr2line, and what lineinfo costs.
. "$(dirname "$0")/lib.sh"

"$REPO/harness/tree.sh"
base=$(base_rev)
printf '\n== The series (%s on top of Linux %s) ==\n' \
	"$(git -C "$TREE" rev-list --count "$base..refs/heads/$BRANCH") commits" \
	"$(kversion "$TREE")"
git -C "$TREE" log --reverse --format='  %s' "$base..refs/heads/$BRANCH"
git -C "$TREE" diff --stat=72 "$base" "refs/heads/$BRANCH" | tail -n 1

printf '\n== Booting the x86_64 test kernel in QEMU (first run builds it: 5-10 min) ==\n'
rc=0
"$REPO/harness/boot.sh" >"$BUILD/demo-boot.out" || rc=$?
log=$BUILD/boot/serial.log
if [ -f "$log" ]; then
	printf '\nA stack trace from the test module (%s):\n\n' "${log#"$REPO"/}"
	awk '/trace_test: dump_stack from an inlined function/ { on = 1 }
	     on { print "  " $0; if (/<\/TASK>/) exit }' "$log" | tr -d '\r'
fi
printf '\nEvery annotated frame against addr2line on the same vmlinux and .ko:\n'
grep -E '^(lines:|PASS lines|FAIL lines)' "$BUILD/demo-boot.out" | sed 's/^/  /'
printf '\nAll boot checks: %s passed, %s failed\n' \
	"$(grep -c '^PASS' "$BUILD/demo-boot.out")" "$(grep -c '^FAIL' "$BUILD/demo-boot.out")"
grep '^FAIL' "$BUILD/demo-boot.out" | sed 's/^/  /' || true

printf '\n== What lineinfo costs on this configuration ==\n'
"$REPO/harness/size.sh" 2>/dev/null | sed 's/^/  /' || rc=1

printf '\n== Not there yet ==\n'
echo "  inlined frames: the annotation is the innermost line (in the inlined"
echo "  function); the call-site chain that 'addr2line -i' shows is the next step."
echo "  See the open issues for the rest."
exit $rc
