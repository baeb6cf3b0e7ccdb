#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make fuzz: the longer libFuzzer runs of the LEB128 decoders and of the
# lineinfo lookup (FUZZ_SECONDS each, default 300).
. "$(dirname "$0")/lib.sh"
need_tree

make -s -C "$REPO/test/leb128" fuzz KTREE="$TREE" O="$BUILD/host/leb128"
make -s -C "$REPO/test/lineinfo" fuzz KTREE="$TREE" O="$BUILD/host/lineinfo"
