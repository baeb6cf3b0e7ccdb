#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install every Debian package the project needs (idempotent).
. "$(dirname "$0")/lib.sh"

pkgs=(
	# base tree and kernel build
	linux-source-6.12 build-essential bc bison flex libssl-dev libelf-dev
	cpio rsync kmod xz-utils python3 ccache git
	# checkpatch's SPDX check
	python3-ply python3-git
	# lineinfo generator and its checks (time: /usr/bin/time)
	libdw-dev elfutils binutils time
	# checkers (spatch loads libpython3.X.so, the unversioned name that
	# only the -dev package has, for the .cocci's python rules)
	sparse coccinelle python3-dev
	# boot tests: x86_64, arm64 and riscv64 (qemu-system-arm has
	# qemu-system-aarch64; qemu-system-misc has qemu-system-riscv64, whose
	# OpenSBI firmware comes with qemu-system-data)
	qemu-system-x86 qemu-system-arm qemu-system-misc
	gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu
	# make check-fresh: a throwaway Debian root
	debootstrap
	# cross builds of the converted arch code; perf's build needs pkg-config
	gcc-sh4-linux-gnu gcc-arc-linux-gnu pkg-config
	# arm (ARM_UNWIND) and arm64 SCS patching, which needs clang >= 17
	# (LLVM=-19: clang, ld.lld and the llvm binutils of one version)
	gcc-arm-linux-gnueabihf clang-19 lld-19 llvm-19
	# the big-endian lineinfo host test links against the sh4 C library
	# headers (a Recommends of gcc-sh4-linux-gnu, which apt skips here)
	libc6-dev-sh4-cross
	# host fuzzing and benchmarks
	clang-14 llvm-14-dev libclang-rt-14-dev valgrind
	# the lineinfo host test: gen_lineinfo closes each descriptor once
	strace
)

missing=()
for p in "${pkgs[@]}"; do
	case $p in \#*) continue ;; esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0

say "installing: ${missing[*]}"
[ "$(id -u)" = 0 ] || die "need root to apt-get install: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$BUILD"
if ! apt-get update -q >"$BUILD/apt.log" 2>&1 ||
   ! apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$BUILD/apt.log" 2>&1; then
	tail -n 15 "$BUILD/apt.log" >&2
	die "apt-get could not install ${missing[*]} (no network to Debian's mirror?). Log: $BUILD/apt.log"
fi
rm -f "$BUILD/apt.log"
say "installed ${#missing[@]} packages"
