#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: build the tree, boot the x86_64, arm64 and riscv64 test
# kernels with the test module in QEMU, and show what the series does: an
# annotated stack trace per architecture, how every annotation compares
# with addr2line, and what lineinfo costs on each.
. "$(dirname "$0")/lib.sh"

"$REPO/harness/tree.sh"
base=$(base_rev)
printf '\n== The series (%s on top of Linux %s) ==\n' \
	"$(git -C "$TREE" rev-list --count "$base..refs/heads/$BRANCH") commits" \
	"$(kversion "$TREE")"
git -C "$TREE" log --reverse --format='  %s' "$base..refs/heads/$BRANCH"
git -C "$TREE" diff --stat=72 "$base" "refs/heads/$BRANCH" | tail -n 1

rc=0
for a in x86_64 arm64 riscv; do
	case $a in
	x86_64) b=boot first="5-10 min" ;;
	*) b=boot-$a first="3-5 min" ;;
	esac
	printf '\n== Booting the %s test kernel in QEMU (first run builds it: %s) ==\n' "$a" "$first"
	out=$BUILD/demo-boot-$a.out
	BOOT_ARCH=$a "$REPO/harness/boot.sh" >"$out" || rc=$?
	log=$BUILD/$b/serial.log
	if [ -f "$log" ]; then
		printf '\nA stack trace from the test module (%s):\n\n' "${log#"$REPO"/}"
		# from the module's message to the end of the trace: the first
		# line after a frame that is neither a frame nor an x86 marker
		# (awk reads the file itself: it stops early, and a writer
		# into its pipe would die of SIGPIPE under pipefail)
		awk '
			{ sub(/\r$/, "") }
			/trace_test: dump_stack from an inlined function/ { on = 1 }
			!on { next }
			/\+0x[0-9a-f]+\/0x[0-9a-f]+/ { seen = 1; print "  " $0; next }
			seen && !/<\/?(TASK|IRQ|NMI|EOI)>/ { exit }
			{ print "  " $0 }' "$log"
	fi
	printf '\nEvery annotated frame against addr2line on the same vmlinux and .ko:\n'
	grep -E '^(lines:|PASS lines|FAIL lines)' "$out" | sed 's/^/  /'
	if [ "$a" = x86_64 ] && [ -f "$log" ]; then
		printf '\nThe module loader on %s copies of the module with damaged line tables:\n' \
			"$(grep -c . "$BUILD/$b/corrupt/classes" 2>/dev/null || echo 0)"
		grep -a 'ignoring line table' "$log" | tr -d '\r' | sed 's/^/  /' || true
	fi
	printf '\nAll %s boot checks: %s passed, %s failed\n' "$a" \
		"$(grep -c '^PASS' "$out")" "$(grep -c '^FAIL' "$out")"
	grep '^FAIL' "$out" | sed 's/^/  /' || true
done

printf '\n== What lineinfo costs on these configurations ==\n'
for a in x86_64 arm64 riscv; do
	BOOT_ARCH=$a "$REPO/harness/size.sh" 2>/dev/null | sed 's/^/  /' || rc=1
done

printf '\n== Not there yet ==\n'
echo "  Only the frame lines of a stack trace carry a source line: the crash site"
echo "  (x86 'RIP:', arm64 'pc :'/'lr :', riscv 'epc :'/'ra :') and the reports"
echo "  printed through stack_trace_print() (KASAN, KFENCE, lockdep, ...) do not,"
echo "  and a module's text outside .text and .init.text has no table."
echo "  See the open issues for these and the rest."
exit $rc
