#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host-side tests: the LEB128 API and the lineinfo lookup built for the host
# against the tree's tools/include (exactly what tools/perf and scripts/
# get), their unit and differential tests, bounded libFuzzer runs, and the
# tools/ copies staying in sync.
. "$(dirname "$0")/lib.sh"
need_tree

for f in include/linux/leb128.h lib/leb128.c include/linux/lineinfo.h; do
	t=tools/$f
	if [ ! -f "$TREE/$t" ]; then
		fail "host: $t missing from the tree"
	elif cmp -s "$TREE/$f" "$TREE/$t"; then
		pass "host: $t is byte-identical to $f"
	else
		fail "host: $t differs from $f"
	fi
done

t0=$SECONDS
make -s -C "$REPO/test/leb128" check KTREE="$TREE" O="$BUILD/host/leb128" || FAILED=1
say "LEB128 host tests: $((SECONDS - t0)) s"
# lineinfo: the generator and the lookup against libdw, on test programs
# and on the boot test's vmlinux and module when they are built.
# (make check boots x86_64 with KASAN only: build/x86-kasan, else make
# boot's build/x86)
t0=$SECONDS
x86=x86 xboot=boot
if [ -f "$BUILD/x86-kasan/vmlinux" ]; then
	x86=x86-kasan xboot=boot-kasan
fi
make -s -C "$REPO/test/lineinfo" check KTREE="$TREE" O="$BUILD/host/lineinfo" \
	VMLINUX="$BUILD/$x86/vmlinux" KO="$BUILD/$xboot/module/trace_test.ko" || FAILED=1
# the arm64 (PIE, ET_DYN) and riscv64 boot kernels and their test module
for a in arm64:aarch64-linux-gnu- riscv:riscv64-linux-gnu-; do
	arch=${a%%:*}
	make -s -C "$REPO/test/lineinfo" kernel KTREE="$TREE" O="$BUILD/host/lineinfo" \
		KNAME="$arch-" CROSS_COMPILE="${a#*:}" VMLINUX="$BUILD/$arch/vmlinux" \
		KO="$BUILD/boot-$arch/module/trace_test.ko" || FAILED=1
done
say "lineinfo host tests: $((SECONDS - t0)) s"
exit $FAILED
