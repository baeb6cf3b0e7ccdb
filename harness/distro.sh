#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench-distro: lineinfo on distribution kernels of two architectures.
# Fetches Debian's debug vmlinux and ext4.ko for amd64 (the package
# linux-image-amd64-dbg depends on, ~860 MB, from the system's own apt
# sources) and for arm64 (Debian 12's linux-image-arm64-dbg, ~1 GB, through
# a private apt state that also knows arm64: dpkg's architectures are not
# touched), checks gen_lineinfo and the lookup against libdw on each (as
# make check does on the test kernel), runs the lineinfo benchmark on each,
# then prints the two architectures side by side. Not part of make check:
# the downloads are too big. DISTRO_ARCHS="amd64" limits the run.
. "$(dirname "$0")/lib.sh"
need_tree

DISTRO_ARCHS=${DISTRO_ARCHS:-amd64 arm64}
dbg=usr/lib/debug

# fetch ARCH: sets vmlinux and ko for ARCH's distribution kernel, downloading
# and extracting them first if needed.
fetch() {
	local arch=$1 meta=linux-image-$1-dbg d=$BUILD/distro/$1 pkg ver
	local apt=()
	if [ "$arch" != "$(dpkg --print-architecture)" ]; then
		private_apt bookworm "$arch"
		apt=("${APT[@]}")
		meta=$meta:$arch
	fi
	pkg=$(apt-cache "${apt[@]}" depends "$meta" 2>/dev/null |
		awk '/Depends:/ { print $2; exit }')
	[ -n "$pkg" ] || die "apt knows no $meta: run apt-get update"
	pkg=${pkg%:"$arch"}
	ver=${pkg#linux-image-}
	ver=${ver%-dbg}
	vmlinux=$d/$dbg/boot/vmlinux-$ver
	ko=$d/$dbg/lib/modules/$ver/kernel/fs/ext4/ext4.ko
	[ -f "$vmlinux" ] && [ -f "$ko" ] && return
	mkdir -p "$d"
	say "downloading $pkg ($arch, about 1 GB) ..."
	(cd "$d" && rm -f ./*.deb && apt-get "${apt[@]}" download "$pkg:$arch") ||
		die "apt-get download $pkg:$arch failed"
	say "extracting vmlinux-$ver and ext4.ko ..."
	dpkg-deb --fsys-tarfile "$d"/"$pkg"_*.deb |
		tar -x -C "$d" "./$dbg/boot/vmlinux-$ver" \
			"./$dbg/lib/modules/$ver/kernel/fs/ext4/ext4.ko" ||
		die "cannot extract $pkg"
	rm -f "$d"/*.deb
}

mkdir -p "$BUILD/bench"
for arch in $DISTRO_ARCHS; do
	fetch "$arch"
	# Debian builds out of tree in <source>/debian/build/<flavour>: the source
	# root is the compilation directory's prefix (the .S file names are under
	# it). arm64's C units name a relative one (debian/build/build_arm64_none_arm64):
	# take the first absolute one, an assembler unit's.
	srcroot=$(set +o pipefail; readelf --debug-dump=info "$vmlinux" 2>/dev/null |
		sed -n '/DW_AT_comp_dir *:.*: \//{s/.*: //;s:/debian/build/.*::;p;q}')
	[ -n "$srcroot" ] || die "$arch: no absolute compilation directory in $vmlinux"
	say "$arch: $vmlinux: source root $srcroot"
	make -s -C "$REPO/test/lineinfo" kernel KTREE="$TREE" O="$BUILD/host/distro-$arch" \
		VMLINUX="$vmlinux" KO="$ko" SRCROOT="$srcroot" 2>&1 |
		tee "$BUILD/bench/distro-$arch.check.txt" ||
		die "$arch: check against libdw failed"
	say "$arch: benchmark"
	make -s -C "$REPO/bench/lineinfo" bench KTREE="$TREE" O="$BUILD/bench/distro-$arch" \
		VMLINUX="$vmlinux" KO="$ko" GEN_OPTS="--srcroot $srcroot ${GEN_OPTS:-}" |
		tee "$BUILD/bench/distro-$arch.txt"
done

# side by side: the vmlinux figures of each architecture's run
python3 "$REPO/harness/distro-table.py" $(for arch in $DISTRO_ARCHS; do
	echo "$arch=$BUILD/bench/distro-$arch.txt"; done)
