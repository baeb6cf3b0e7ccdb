#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: benchmarks, never tests. LEB128 decoders (this API, LLVM's,
# the original arc and sh ones from the base tree) side by side with
# callgrind instruction counts; lineinfo size and lookup cost against flat
# arrays and the v1 format on VMLINUX/KO (default: the boot test's build).
. "$(dirname "$0")/lib.sh"
need_tree
base_worktree

make -s -C "$REPO/bench/leb128" bench bench-callgrind KTREE="$BASE_WT" O="$BUILD/bench/leb128"
VMLINUX=${VMLINUX:-$BUILD/x86/vmlinux}
KO=${KO:-$BUILD/boot/module/trace_test.ko}
[ -f "$VMLINUX" ] || die "no $VMLINUX: run 'make boot' or pass VMLINUX=/path/to/vmlinux"
args=(VMLINUX="$VMLINUX")
[ -f "$KO" ] && args+=(KO="$KO")
make -s -C "$REPO/bench/lineinfo" bench KTREE="$TREE" O="$BUILD/bench/lineinfo" \
	GEN_OPTS="${GEN_OPTS:-}" "${args[@]}"
