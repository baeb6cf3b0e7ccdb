#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Image size cost of lineinfo on the boot test's configuration: the same
# x86_64 kernel built with and without CONFIG_KALLSYMS_LINEINFO (the
# latter in build/x86-nolineinfo, mostly from ccache), vmlinux and bzImage.
. "$(dirname "$0")/lib.sh"
need_tree

ON=$BUILD/x86
OFF=$BUILD/x86-nolineinfo
FRAG=$REPO/configs/x86/boot.config
[ -f "$ON/vmlinux" ] || die "no $ON/vmlinux: run 'make boot' first"
mkdir -p "$OFF"
kbuild_lock

sed -e 's/^CONFIG_KALLSYMS_LINEINFO=y$/# CONFIG_KALLSYMS_LINEINFO is not set/' \
    -e '/^CONFIG_KALLSYMS_LINEINFO_MODULES=y$/d' \
    -e '/^CONFIG_LINEINFO_KUNIT_TEST=m$/d' "$FRAG" >"$OFF/.leb128-fragment"
stamp=$( (cat "$OFF/.leb128-fragment"; git -C "$TREE" ls-tree -r HEAD | grep 'Kconfig') | sha256sum | cut -c1-16)
if [ "$(cat "$OFF/.leb128-config-stamp" 2>/dev/null)" != "$stamp" ]; then
	timed "configure x86_64 without lineinfo" quiet "$OFF/config.log" bash -c "
		set -e
		make -C '$TREE' O='$OFF' ARCH=x86_64 tinyconfig
		cd '$OFF' && '$TREE/scripts/kconfig/merge_config.sh' -m -O '$OFF' '$OFF/.config' '$OFF/.leb128-fragment'
		make -C '$TREE' O='$OFF' ARCH=x86_64 olddefconfig"
	! grep -q '^CONFIG_KALLSYMS_LINEINFO=y' "$OFF/.config" || die "could not turn lineinfo off"
	echo "$stamp" >"$OFF/.leb128-config-stamp"
fi
timed "build x86_64 without lineinfo (cold, ccache warm: ~2 min)" \
	quiet "$OFF/build.log" make -C "$TREE" O="$OFF" ARCH=x86_64 CC="ccache gcc" -j"$JOBS" bzImage

python3 - "$ON" "$OFF" <<'PY'
import os, subprocess, sys
on, off = sys.argv[1:3]

def tables(vmlinux):
    syms = {}
    out = subprocess.run(["nm", vmlinux], capture_output=True, text=True).stdout
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3:
            syms[p[2]] = int(p[0], 16)
    return sum(syms.get(f"lineinfo_vmlinux{s}_end", 0) - syms.get(f"lineinfo_vmlinux{s}", 0)
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
        ("bzImage", os.path.getsize(f"{off}/arch/x86/boot/bzImage"),
         os.path.getsize(f"{on}/arch/x86/boot/bzImage"))]
print(f"lineinfo tables in vmlinux: {tables(on + '/vmlinux')} bytes")
print(f"{'image':30} {'without':>10} {'with':>10} {'cost':>10} {'cost %':>7}")
for name, a, b in rows:
    print(f"{name:30} {a:10d} {b:10d} {b - a:10d} {100.0 * (b - a) / a:6.1f}%")
PY
