#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: build the tree, boot the test kernel with the test module in
# QEMU, and show what the series does so far.
. "$(dirname "$0")/lib.sh"

"$REPO/harness/tree.sh"
base=$(base_rev)
printf '\n== The series (%s on top of Linux %s) ==\n' \
	"$(git -C "$TREE" rev-list --count "$base..refs/heads/$BRANCH") commits" \
	"$(awk -F' *= *' '/^VERSION/{v=$2}/^PATCHLEVEL/{p=$2}/^SUBLEVEL/{s=$2}END{print v"."p"."s}' "$TREE/Makefile")"
git -C "$TREE" log --reverse --format='  %s' "$base..refs/heads/$BRANCH"
git -C "$TREE" diff --stat=72 "$base" "refs/heads/$BRANCH" | tail -n 1

printf '\n== Booting the x86_64 test kernel in QEMU ==\n'
rc=0
"$REPO/harness/boot.sh" >"$BUILD/demo-boot.out" || rc=$?
log=$BUILD/boot/serial.log
if [ -f "$log" ]; then
	printf '\nA stack trace from the test module (from %s):\n\n' "${log#"$REPO"/}"
	awk '/trace_test: dump_stack from an inlined function/ { on = 1 }
	     on { print "  " $0; if (/<\/TASK>/) exit }' "$log" | tr -d '\r'
fi
printf '\nBoot checks:\n'
sed 's/^/  /' "$BUILD/demo-boot.out"

printf '\n== What is not there yet ==\n'
for f in kernel/lineinfo scripts/gen_lineinfo scripts/coccinelle/leb128.cocci; do
	[ -e "$REPO/$f" ] || echo "  $f: not written yet (see the open issues)"
done
grep -q '(.*\.[chS]:[0-9]*)' "$log" 2>/dev/null ||
	echo "  stack traces carry no source lines yet: that is the lineinfo part of the series"
exit $rc
