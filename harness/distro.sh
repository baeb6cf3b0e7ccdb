#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench-distro: lineinfo on a distribution kernel. Fetches Debian's
# debug vmlinux (the package linux-image-amd64-dbg depends on, ~860 MB)
# and ext4.ko from it, checks gen_lineinfo and the lookup against libdw on
# both (as make check does on the test kernel), then runs the lineinfo
# benchmark on them. Not part of make check: the download is too big.
. "$(dirname "$0")/lib.sh"
need_tree

D=$BUILD/distro
pkg=$(apt-cache depends linux-image-amd64-dbg 2>/dev/null |
	awk '/Depends:/ { print $2; exit }')
[ -n "$pkg" ] || die "apt knows no linux-image-amd64-dbg: run apt-get update"
ver=${pkg#linux-image-}
ver=${ver%-dbg}
dbg=usr/lib/debug
vmlinux=$D/$dbg/boot/vmlinux-$ver
ko=$D/$dbg/lib/modules/$ver/kernel/fs/ext4/ext4.ko
if [ ! -f "$vmlinux" ] || [ ! -f "$ko" ]; then
	mkdir -p "$D"
	say "downloading $pkg (~860 MB) ..."
	(cd "$D" && rm -f ./*.deb && apt-get download "$pkg") ||
		die "apt-get download $pkg failed"
	say "extracting vmlinux-$ver and ext4.ko ..."
	dpkg-deb --fsys-tarfile "$D"/"$pkg"_*.deb |
		tar -x -C "$D" "./$dbg/boot/vmlinux-$ver" \
			"./$dbg/lib/modules/$ver/kernel/fs/ext4/ext4.ko" ||
		die "cannot extract $pkg"
	rm -f "$D"/*.deb
fi

# Debian builds out of tree in <source>/debian/build/<flavour>: the source
# root is the compilation directory's prefix (the .S file names are under it).
srcroot=$(set +o pipefail; readelf --debug-dump=info "$vmlinux" 2>/dev/null |
	grep -m1 DW_AT_comp_dir | sed 's/.*: //; s:/debian/build/.*::')
say "$vmlinux: source root $srcroot"

make -s -C "$REPO/test/lineinfo" kernel KTREE="$TREE" O="$BUILD/host/distro" \
	VMLINUX="$vmlinux" KO="$ko" SRCROOT="$srcroot" || die "check against libdw failed"
make -s -C "$REPO/bench/lineinfo" bench KTREE="$TREE" O="$BUILD/bench/distro" \
	VMLINUX="$vmlinux" KO="$ko" GEN_OPTS="--srcroot $srcroot ${GEN_OPTS:-}"
