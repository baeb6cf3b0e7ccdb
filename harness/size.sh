#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Image size cost of lineinfo on a boot test's configuration: the same
# kernel built with and without CONFIG_KALLSYMS_LINEINFO (the latter in
# build/<arch>-nolineinfo, mostly from ccache): the loaded vmlinux and the
# boot image (x86_64 bzImage, compressed; arm64 and riscv Image, not).
#
# BOOT_ARCH (make boot's ARCH): x86_64 (default), arm64 or riscv; the
# kernel with lineinfo is make boot's.
. "$(dirname "$0")/lib.sh"
need_tree

barch=${BOOT_ARCH:-x86_64}
case $barch in
x86_64 | x86) karch=x86_64 cross="" kdir=x86 cfg=x86 image=arch/x86/boot/bzImage target=bzImage ;;
arm64 | aarch64) karch=arm64 cross=aarch64-linux-gnu- kdir=arm64 cfg=arm64 image=arch/arm64/boot/Image target=Image ;;
riscv | riscv64) karch=riscv cross=riscv64-linux-gnu- kdir=riscv cfg=riscv image=arch/riscv/boot/Image target=Image ;;
*) die "BOOT_ARCH=$barch: x86_64, arm64 or riscv" ;;
esac
ON=$BUILD/$kdir
OFF=$BUILD/$kdir-nolineinfo
FRAG=$REPO/configs/$cfg/boot.config
[ -f "$ON/vmlinux" ] || die "no $ON/vmlinux: run 'make boot ARCH=$barch' first"
mkdir -p "$OFF"
export CCACHE_NOHASHDIR=1
kbuild_lock

sed -e 's/^CONFIG_KALLSYMS_LINEINFO=y$/# CONFIG_KALLSYMS_LINEINFO is not set/' \
    -e '/^CONFIG_KALLSYMS_LINEINFO_MODULES=y$/d' \
    -e '/^CONFIG_LINEINFO_KUNIT_TEST=m$/d' "$FRAG" >"$OFF/.leb128-fragment"
stamp=$( (cat "$OFF/.leb128-fragment"; git -C "$TREE" ls-tree -r HEAD | grep 'Kconfig') | sha256sum | cut -c1-16)
if [ "$(cat "$OFF/.leb128-config-stamp" 2>/dev/null)" != "$stamp" ]; then
	timed "configure $barch without lineinfo" quiet "$OFF/config.log" bash -c "
		set -e
		make -C '$TREE' O='$OFF' ARCH='$karch' CROSS_COMPILE='$cross' tinyconfig
		cd '$OFF' && '$TREE/scripts/kconfig/merge_config.sh' -m -O '$OFF' '$OFF/.config' '$OFF/.leb128-fragment'
		make -C '$TREE' O='$OFF' ARCH='$karch' CROSS_COMPILE='$cross' olddefconfig"
	! grep -q '^CONFIG_KALLSYMS_LINEINFO=y' "$OFF/.config" || die "could not turn lineinfo off"
	echo "$stamp" >"$OFF/.leb128-config-stamp"
fi
timed "build $barch without lineinfo (ccache warm: ~2 min)" \
	quiet "$OFF/build.log" make -C "$TREE" O="$OFF" ARCH="$karch" CROSS_COMPILE="$cross" \
	CC="ccache ${cross}gcc" -j"$JOBS" "$target"

python3 - "$ON" "$OFF" "$image" "$barch" <<'PY'
import os, subprocess, sys
on, off, image, arch = sys.argv[1:5]

def tables(vmlinux):
    syms = {}
    out = subprocess.run(["nm", vmlinux], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3:
            syms[p[2]] = int(p[0], 16)
    names = [f"lineinfo_vmlinux{s}{e}" for s in ("", "_init") for e in ("", "_end")]
    missing = [n for n in names if n not in syms]
    if missing:
        sys.exit(f"size: {vmlinux} has no {', '.join(missing)}")
    return sum(syms[f"lineinfo_vmlinux{s}_end"] - syms[f"lineinfo_vmlinux{s}"]
               for s in ("", "_init"))

def loaded(vmlinux):
    """Bytes of the loaded image: sum of the allocated sections."""
    out = subprocess.run(["size", "-A", vmlinux], capture_output=True, text=True).stdout
    total = 0
    for line in out.splitlines()[2:]:
        p = line.split()
        if len(p) == 3 and p[0].startswith(".") and not p[0].startswith((".debug", ".comment", ".note")):
            total += int(p[1])
    return total

rows = [("vmlinux (allocated sections)", loaded(f"{off}/vmlinux"), loaded(f"{on}/vmlinux")),
        (os.path.basename(image), os.path.getsize(f"{off}/{image}"),
         os.path.getsize(f"{on}/{image}"))]
print(f"{arch}: lineinfo tables in vmlinux: {tables(on + '/vmlinux')} bytes")
print(f"{'image':30} {'without':>10} {'with':>10} {'cost':>10} {'cost %':>7}")
for name, a, b in rows:
    print(f"{name:30} {a:10d} {b:10d} {b - a:10d} {100.0 * (b - a) / a:6.1f}%")
PY
