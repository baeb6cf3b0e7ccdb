#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sparse.sh: print the path of a sparse that the base tree accepts.
#
# The kernel checks its checker (scripts/checker-valid.sh, since 6.15) and
# silently skips C=2 with one that is too old. Debian 12's sparse 0.6.4
# lacks __typeof_unqual__, which 7.x's headers use, and no Debian 12 or
# 13 binary package is newer. Then sparse is built from Debian unstable's
# source package (downloaded with a private apt state, see private_apt in
# lib.sh) into build/tools/sparse-<version>: a small C program, ~10 s.
. "$(dirname "$0")/lib.sh"
need_tree

valid() {
	[ ! -x "$TREE/scripts/checker-valid.sh" ] && command -v "$1" >/dev/null && return 0
	[ "$(sh "$TREE/scripts/checker-valid.sh" "$1" --arch=x86_64 -m64 2>/dev/null)" = 1 ]
}

if valid sparse; then
	command -v sparse
	exit 0
fi
for s in "$BUILD_ROOT"/tools/sparse-*/sparse; do
	[ -x "$s" ] && valid "$s" && { echo "$s"; exit 0; }
done

SUITE=${SPARSE_SUITE:-unstable}
private_apt "$SUITE"
src=$BUILD_ROOT/apt/$SUITE/src
mkdir -p "$src"
ver=$(apt-cache "${APT[@]}" showsrc sparse 2>/dev/null | awk '/^Version:/ {print $2}' | sort -V | tail -n 1)
[ -n "$ver" ] || die "no sparse source package in $SUITE: install a sparse that supports __typeof_unqual__ by hand"
say "sparse $(sparse --version 2>/dev/null || echo 'not installed') is too old for Linux $(kminor "$TREE"): building Debian's sparse $ver from source"
(cd "$src" && apt-get "${APT[@]}" source --download-only "sparse=$ver") >"$src/sparse-download.log" 2>&1 || {
	tail -n 5 "$src/sparse-download.log" >&2
	die "apt-get source sparse=$ver failed (log: $src/sparse-download.log)"
}
orig=$(ls "$src"/sparse_"${ver%-*}".orig.tar.* | head -n 1)
d=$BUILD_ROOT/tools/sparse-$ver
rm -rf "$d" && mkdir -p "$d"
tar -xf "$orig" -C "$d" --strip-components=1
quiet "$d.build.log" make -C "$d" -j"$JOBS" sparse || die "building sparse $ver failed (log: $d.build.log)"
valid "$d/sparse" || die "Debian's sparse $ver does not pass $TREE/scripts/checker-valid.sh either"
echo "$d/sparse"
