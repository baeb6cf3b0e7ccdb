#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the x86_64 test kernel (tinyconfig + configs/x86/boot.config) in
# build/x86, the test module and the initramfs, boot it in QEMU and check
# the serial log.
. "$(dirname "$0")/lib.sh"
need_tree

KO=$BUILD/x86
B=$BUILD/boot
FRAG=$REPO/configs/x86/boot.config
mkdir -p "$KO" "$B"
kmake() { make -C "$TREE" O="$KO" ARCH=x86_64 CC="ccache gcc" -j"$JOBS" "$@"; }

kbuild_lock

# Generate .config only when the fragment or the tree's Kconfig changed,
# so an unchanged tree is not rebuilt.
stamp=$( (cat "$FRAG"; git -C "$TREE" ls-tree -r HEAD | grep 'Kconfig') | sha256sum | cut -c1-16)
if [ ! -f "$KO/.config" ] || [ "$(cat "$KO/.leb128-config-stamp" 2>/dev/null)" != "$stamp" ]; then
	timed "configure x86_64 (tinyconfig + $(basename "$FRAG"))" \
		quiet "$B/config.log" bash -c "
		set -e
		make -C '$TREE' O='$KO' ARCH=x86_64 tinyconfig
		cd '$KO' && '$TREE/scripts/kconfig/merge_config.sh' -m -O '$KO' '$KO/.config' '$FRAG'
		make -C '$TREE' O='$KO' ARCH=x86_64 olddefconfig"
	# Every symbol of the fragment must have survived olddefconfig.
	bad=0
	while read -r line; do
		case $line in CONFIG_*=*) ;; *) continue ;; esac
		grep -qx "$line" "$KO/.config" || { say "config: $line did not stick"; bad=1; }
	done <"$FRAG"
	[ $bad = 0 ] || die "configs/x86/boot.config does not apply cleanly to this tree"
	echo "$stamp" >"$KO/.leb128-config-stamp"
fi

timed "build x86_64 bzImage + modules (cold: 5-10 min)" quiet "$B/build.log" kmake bzImage modules

# Out-of-tree test module, built from a copy so the repo stays clean.
rm -rf "$B/module" && mkdir -p "$B/module"
cp "$REPO"/test/boot/module/* "$B/module/"
timed "build test module" quiet "$B/module.log" kmake M="$B/module" modules

# initramfs: static /init + the modules, packed by the kernel's own tool.
gcc -static -Os -Wall -o "$B/init" "$REPO/test/boot/init.c"
cat >"$B/initramfs.list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
file /init $B/init 0755 0 0
file /trace_test.ko $B/module/trace_test.ko 0644 0 0
file /lineinfo_kunit.ko $KO/lib/tests/lineinfo_kunit.ko 0644 0 0
LIST
"$KO/usr/gen_init_cpio" "$B/initramfs.list" >"$B/initramfs.cpio"

# TCG by default: it boots this kernel in seconds and behaves the same on
# every machine (a /dev/kvm inside a VM may exist and still not work).
accel=${QEMU_ACCEL:-tcg}
say "booting in QEMU ($accel) ..."
t0=$SECONDS
rc=0
# Two sockets: SeaBIOS lists one CPU per socket in the MP table, and this
# kernel has no ACPI to find the others.
timeout 300 qemu-system-x86_64 -accel "$accel" -m 512 -smp 2,sockets=2 -nographic -no-reboot \
	-kernel "$KO/arch/x86/boot/bzImage" -initrd "$B/initramfs.cpio" \
	-append "console=ttyS0 panic=-1 oops=panic loglevel=7 sysrq_always_enabled" \
	</dev/null >"$B/serial.log" 2>&1 || rc=$?
say "QEMU: $((SECONDS - t0)) s, exit $rc (log: $B/serial.log)"
[ $rc = 0 ] || fail "boot: QEMU exited $rc (timeout or crash), see $B/serial.log"

python3 "$REPO/test/boot/check-log.py" "$B/serial.log" || FAILED=1

# The lineinfo KUnit suite, loaded as a module on 2 CPUs.
python3 "$REPO/test/boot/check-kunit.py" "$B/serial.log" || FAILED=1

# Every source line the kernel printed, against addr2line on the same files.
python3 "$REPO/test/boot/check-lines.py" "$B/serial.log" "$KO/vmlinux" "$TREE" \
	"$B/module/trace_test.ko" || FAILED=1

# scripts/decode_stacktrace.sh must decode an annotated log exactly as the
# same log without the annotations.
"$REPO/test/boot/check-decode.sh" "$TREE" "$KO/vmlinux" "$B/module" "$B/serial.log" "$B" ||
	FAILED=1
exit $FAILED
