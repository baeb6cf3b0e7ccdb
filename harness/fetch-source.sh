#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# fetch-source.sh MINOR: print the path of Debian's linux-source-MINOR
# tarball, downloading it first if this Debian release does not ship it.
#
# Debian 12 carries linux-source-6.12 itself (make deps installs it).
# Newer bases come from trixie-backports as an Architecture: all package
# holding one tarball; it is fetched with `apt-get download` under a
# private apt state in build/apt and unpacked with `dpkg-deb -x`: nothing
# is installed and the system's apt configuration is not touched. The
# mirror is the one the system's own sources use (private_apt in lib.sh).
#
# The minor is fixed by the caller (moving to a newer minor is a deliberate
# rebase); the sublevel is whatever Debian serves today.
. "$(dirname "$0")/lib.sh"

minor=${1:?usage: fetch-source.sh MINOR}
pkg=linux-source-$minor
SUITE=${SOURCE_SUITE:-trixie-backports}

if [ -f "/usr/src/$pkg.tar.xz" ]; then
	echo "/usr/src/$pkg.tar.xz"
	exit 0
fi

private_apt "$SUITE"
A=$BUILD_ROOT/apt/$SUITE
mkdir -p "$A/src"
ver=$(apt-cache "${APT[@]}" show "$pkg" 2>/dev/null | awk '/^Version:/ {print $2}' |
	sort -V | tail -n 1)
[ -n "$ver" ] || die "$SUITE no longer has $pkg: choose another base (KBASE=6.12, or KSRC=/path/to/a/linux-$minor/tree), or rebase the series deliberately to the minor Debian ships now"
newer=$(apt-cache "${APT[@]}" pkgnames linux-source- 2>/dev/null | sed -n 's/^linux-source-\([0-9.]*\)$/\1/p' |
	sort -V | tail -n 1)
[ -n "$newer" ] && [ "$newer" != "$minor" ] && [ "$(printf '%s\n' "$newer" "$minor" | sort -V | tail -n 1)" = "$newer" ] &&
	say "note: $SUITE also has linux-source-$newer; the series stays on $minor until it is rebased on purpose"

deb=$(ls "$A"/src/"${pkg}_${ver//:/%3a}"_*.deb 2>/dev/null | head -n 1 || true)
if [ -z "$deb" ]; then
	say "downloading $pkg $ver ..."
	(cd "$A/src" && apt-get "${APT[@]}" download "$pkg=$ver") >"$A/download.log" 2>&1 || {
		tail -n 5 "$A/download.log" >&2
		die "apt-get download $pkg=$ver failed (log: $A/download.log)"
	}
	deb=$(ls "$A"/src/"${pkg}"_*.deb | sort -V | tail -n 1)
	# keep only this version
	find "$A/src" -name "${pkg}_*.deb" ! -path "$deb" -delete
fi
x=$A/src/$pkg-$ver
if [ ! -f "$x/usr/src/$pkg.tar.xz" ]; then
	rm -rf "$x" "$A/src/$pkg"-[0-9]*
	dpkg-deb -x "$deb" "$x" || die "dpkg-deb -x $deb failed"
fi
[ -f "$x/usr/src/$pkg.tar.xz" ] || die "$deb holds no usr/src/$pkg.tar.xz"
echo "$x/usr/src/$pkg.tar.xz"
