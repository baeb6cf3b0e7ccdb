#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host-side tests: the LEB128 API built for the host against the tree's
# tools/include (exactly what tools/perf and scripts/ get), its unit
# tests, a bounded libFuzzer run, and the tools/ copies staying in sync.
. "$(dirname "$0")/lib.sh"
need_tree

for f in include/linux/leb128.h lib/leb128.c; do
	t=tools/$f
	if [ ! -f "$TREE/$t" ]; then
		fail "host: $t missing from the tree"
	elif cmp -s "$TREE/$f" "$TREE/$t"; then
		pass "host: $t is byte-identical to $f"
	else
		fail "host: $t differs from $f"
	fi
done

make -s -C "$REPO/test/leb128" check KTREE="$TREE" O="$BUILD/host/leb128" || FAILED=1
exit $FAILED
