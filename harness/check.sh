#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make check: every test, stage by stage, each timed. Every stage prints
# PASS/FAIL lines; a stage that fails without saying why counts as one
# failure. Ends with the plain line "N passed, N failed".
. "$(dirname "$0")/lib.sh"

R=$BUILD/results
rm -rf "$R" && mkdir -p "$R"
times=()

stage() {
	local name=$1 t0=$SECONDS rc=0
	shift
	printf '\n===== %s =====\n' "$name"
	"$@" 2>&1 | tee "$R/$name.log" || rc=$?
	if [ $rc != 0 ] && ! grep -q '^FAIL ' "$R/$name.log"; then
		echo "FAIL $name: exited $rc" | tee -a "$R/$name.log"
	fi
	times+=("$(printf '%-14s %5d s  %s' "$name" $((SECONDS - t0)) "$([ $rc = 0 ] && echo ok || echo FAILED)")")
	return 0
}

total0=$SECONDS
stage tree "$REPO/harness/tree.sh"
if grep -q '^FAIL ' "$R/tree.log"; then
	say "no tree, nothing else can run"
else
	stage kunit "$REPO/harness/kunit.sh"
	# boots before host-test: the lineinfo host tests also check the
	# generator on the boot tests' vmlinux and module of every architecture.
	# x86_64 boots once, with KASAN and UBSAN (make boot-kasan runs every
	# check of make boot, plus the unload race); make demo boots the
	# plain configuration.
	stage boot-kasan env BOOT_KASAN=1 "$REPO/harness/boot.sh"
	stage boot-arm64 env BOOT_ARCH=arm64 "$REPO/harness/boot.sh"
	stage boot-riscv env BOOT_ARCH=riscv "$REPO/harness/boot.sh"
	stage boot-arm64-llvm env BOOT_LLVM=1 BOOT_ARCH=arm64 "$REPO/harness/boot.sh"
	stage boot-riscv-llvm env BOOT_LLVM=1 BOOT_ARCH=riscv "$REPO/harness/boot.sh"
	stage host-test "$REPO/harness/host-test.sh"
	stage cocci "$REPO/harness/cocci.sh"
	stage series "$REPO/harness/series-test.sh"
	stage gate "$REPO/harness/gate.sh"
fi

# The other bases: the series applies (git am of the export), a second run
# of the semantic patch changes nothing, the x86_64 boot test passes (with
# the inline chains off, so that setting is booted too), and the gate
# holds for that base's patch variants. With KSRC= only that tree's base is tested.
if [ -z "$KSRC" ]; then
	for kb in "${KBASES[@]}"; do
		[ "$kb" != "$KBASE" ] || continue
		stage "tree-$kb" env KBASE="$kb" "$REPO/harness/tree.sh"
		if grep -q '^FAIL ' "$R/tree-$kb.log"; then
			continue
		fi
		stage "series-$kb" env KBASE="$kb" "$REPO/harness/series-test.sh"
		stage "cocci-$kb" env KBASE="$kb" "$REPO/harness/cocci.sh"
		# with CONFIG_KALLSYMS_LINEINFO_INLINE off: frames show the line alone
		stage "boot-$kb" env KBASE="$kb" BOOT_INLINE=0 "$REPO/harness/boot.sh"
		stage "gate-$kb" env KBASE="$kb" "$REPO/harness/gate.sh"
	done
fi

printf '\n===== stage times =====\n'
printf '%s\n' "${times[@]}"
printf '%-14s %5d s\n' total $((SECONDS - total0))
passed=$(cat "$R"/*.log | grep -c '^PASS ' || true)
failed=$(cat "$R"/*.log | grep -c '^FAIL ' || true)
if [ "$failed" != 0 ]; then
	printf '\nfailures:\n'
	grep '^FAIL ' "$R"/*.log | sed "s#^$R/\(.*\)\.log:#[\1] #"
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
