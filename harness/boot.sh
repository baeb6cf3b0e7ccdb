#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a test kernel (tinyconfig + configs/<arch>/boot.config), the test
# module and an initramfs, boot it in QEMU under TCG on 2 CPUs and check
# the serial log: the expected traces, the lineinfo KUnit suite, every
# annotation against addr2line, decode_stacktrace.sh.
#
# BOOT_ARCH (make boot ARCH=...): x86_64 (default), arm64 or riscv.
# Kernel build in build/<arch> (build/x86 for x86_64), the rest in
# build/boot (x86_64) or build/boot-<arch>.
#
# BOOT_KASAN=1 (make boot-kasan): x86_64 with configs/x86/kasan.config on
# top (KASAN, UBSAN) in build/x86-kasan and build/boot-kasan, plus the
# unload race test (test/boot/race).
#
# BOOT_INLINE=0: configs/inline-off.config on top, without
# CONFIG_KALLSYMS_LINEINFO_INLINE; frames must show their line alone.
#
# BOOT_LLVM=1 (make boot-llvm ARCH=arm64|riscv): a small kernel built with
# clang-19 (LLVM=-19) from configs/<arch>/llvm.config alone, in
# build/<arch>-llvm and build/boot-<arch>-llvm, for the converted code
# that only clang builds or exercises: arm64's dynamic shadow call stack
# patching (test/boot/scs, and the patcher on the kernel's real .eh_frame
# against the original, test/cocci/scs.c) and riscv's ULEB128 module
# relocations (the kernel's module-linking KUnit test). No lineinfo.
. "$(dirname "$0")/lib.sh"
need_tree

barch=${BOOT_ARCH:-${ARCH:-x86_64}}
# The kernel makefiles below get ARCH= explicitly; a stray ARCH in the
# environment (make boot ARCH=arm64 exports it) must not reach anything else.
unset ARCH
case $barch in
x86_64 | x86)
	barch=x86_64 karch=x86_64 cross="" kdir=x86 bdir=boot
	target=bzImage image=arch/x86/boot/bzImage
	# Two sockets: SeaBIOS lists one CPU per socket in the MP table, and
	# this kernel has no ACPI to find the others.
	qemu=(qemu-system-x86_64 -smp 2,sockets=2)
	console="console=ttyS0" ;;
arm64 | aarch64)
	barch=arm64 karch=arm64 cross=aarch64-linux-gnu- kdir=arm64 bdir=boot-arm64
	target=Image image=arch/arm64/boot/Image
	qemu=(qemu-system-aarch64 -M virt -cpu cortex-a57 -smp 2)
	console="console=ttyAMA0" ;;
riscv | riscv64)
	barch=riscv karch=riscv cross=riscv64-linux-gnu- kdir=riscv bdir=boot-riscv
	target=Image image=arch/riscv/boot/Image
	# -bios default: QEMU's own OpenSBI (opensbi package)
	qemu=(qemu-system-riscv64 -M virt -bios default -smp 2)
	console="console=ttyS0 earlycon=uart8250,mmio,0x10000000" ;;
*) die "BOOT_ARCH/ARCH=$barch: the boot test knows x86_64, arm64 and riscv" ;;
esac
cfgdir=${karch%_64}
FRAG=$REPO/configs/$cfgdir/boot.config
frags=("$FRAG")
mem=512
llvm=${BOOT_LLVM:-0}
if [ "$llvm" = 1 ]; then
	[ "$barch" = arm64 ] || [ "$barch" = riscv ] || die "BOOT_LLVM=1 is for arm64 and riscv"
	command -v clang-19 >/dev/null || die "clang-19 not found: run 'make deps'"
	kdir=$kdir-llvm bdir=$bdir-llvm
	FRAG=$REPO/configs/$cfgdir/llvm.config
	frags=("$FRAG")
fi
if [ "${BOOT_KASAN:-}" = 1 ]; then
	[ "$barch" = x86_64 ] || die "BOOT_KASAN=1 is for x86_64"
	kdir=x86-kasan bdir=boot-kasan mem=1024
	frags+=("$REPO/configs/x86/kasan.config")
fi
if [ "${BOOT_INLINE:-1}" = 0 ]; then
	frags+=("$REPO/configs/inline-off.config")
fi
KO=$BUILD/$kdir
B=$BUILD/$bdir
[ -f "$FRAG" ] || die "no $FRAG"
command -v "${cross}gcc" >/dev/null || die "${cross}gcc not found: run 'make deps'"
command -v "${qemu[0]}" >/dev/null || die "${qemu[0]} not found: run 'make deps'"
mkdir -p "$KO" "$B"
export CCACHE_NOHASHDIR=1
if [ "$llvm" = 1 ]; then
	kcc=(LLVM=-19 CC="ccache clang-19")
else
	kcc=(CROSS_COMPILE="$cross" CC="ccache ${cross}gcc")
fi
kmake() {
	make -C "$TREE" O="$KO" ARCH="$karch" "${kcc[@]}" -j"$JOBS" "$@"
}

kbuild_lock

# Generate .config only when the fragment or the tree's Kconfig changed,
# so an unchanged tree is not rebuilt.
stamp=$( (cat "${frags[@]}"; git -C "$TREE" ls-tree -r HEAD | grep 'Kconfig') | sha256sum | cut -c1-16)
if [ ! -f "$KO/.config" ] || [ "$(cat "$KO/.leb128-config-stamp" 2>/dev/null)" != "$stamp" ]; then
	timed "configure $barch (tinyconfig + ${frags[*]#"$REPO"/})" \
		quiet "$B/config.log" bash -c "
		set -e
		make -C '$TREE' O='$KO' ARCH='$karch' ${kcc[*]@Q} tinyconfig
		cd '$KO' && '$TREE/scripts/kconfig/merge_config.sh' -m -O '$KO' '$KO/.config' ${frags[*]}
		make -C '$TREE' O='$KO' ARCH='$karch' ${kcc[*]@Q} olddefconfig"
	# Every symbol the fragments set must have survived olddefconfig (a
	# later fragment overrides an earlier one, "is not set" included).
	bad=0
	declare -A want=()
	while read -r line; do
		case $line in
		CONFIG_*=*) want[${line%%=*}]=$line ;;
		"# CONFIG_"*" is not set") line=${line#"# "}; unset "want[${line%% *}]" ;;
		esac
	done < <(cat "${frags[@]}")
	for line in "${want[@]}"; do
		grep -qx "$line" "$KO/.config" || { say "config: $line did not stick"; bad=1; }
	done
	[ $bad = 0 ] || die "${frags[*]#"$REPO"/} do not apply cleanly to this tree"
	echo "$stamp" >"$KO/.leb128-config-stamp"
fi

timed "build $barch $target + modules (cold: 4-10 min)" quiet "$B/build.log" kmake "$target" modules

# Out-of-tree test module, built from a copy so the repo stays clean.
rm -rf "$B/module" && mkdir -p "$B/module"
cp "$REPO"/test/boot/module/* "$B/module/"
timed "build test module" quiet "$B/module.log" kmake M="$B/module" modules
# More modules for /init to load (/modules): riscv's module-linking test;
# on the arm64 LLVM kernel, the shadow call stack check.
extra=()
if [ "$barch" = riscv ]; then
	extra+=("$KO/arch/riscv/kernel/tests/module_test/test_module_linking.ko")
fi
if [ "$llvm" = 1 ] && [ "$barch" = arm64 ]; then
	rm -rf "$B/scs" && mkdir -p "$B/scs"
	cp "$REPO"/test/boot/scs/* "$B/scs/"
	timed "build scs_check module" quiet "$B/scs.log" kmake M="$B/scs" modules
	extra+=("$B/scs/scs_check.ko")
fi
for m in "${extra[@]}"; do
	[ -f "$m" ] || die "no $m after the build"
done
race=()
if [ "${BOOT_KASAN:-}" = 1 ]; then
	rm -rf "$B/race" && mkdir -p "$B/race"
	cp "$REPO"/test/boot/race/* "$B/race/"
	timed "build race test modules" quiet "$B/race.log" kmake M="$B/race" modules
	race=("$B/race/lineinfo_race_target.ko")
fi

# Static /init on the kernel's own nolibc: no cross C library needed.
rm -rf "$B/nolibc" && mkdir -p "$B/nolibc"
# O= sends its headers_install to the build directory, not the tree.
quiet "$B/nolibc.log" make -C "$TREE/tools/include/nolibc" ARCH="$karch" O="$KO" \
	headers_standalone OUTPUT="$B/nolibc/"
quiet "$B/init.log" "${cross}gcc" -Os -Wall -Werror -nostdlib -static -fno-stack-protector \
	-nostdinc -I"$B/nolibc/sysroot/include" -include nolibc.h \
	-o "$B/init" "$REPO/test/boot/init.c" -lgcc
cat >"$B/initramfs.list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
file /init $B/init 0755 0 0
file /trace_test.ko $B/module/trace_test.ko 0644 0 0
LIST
: >"$B/modules"
for m in "${extra[@]}"; do
	echo "/${m##*/}" >>"$B/modules"
	echo "file /${m##*/} $m 0644 0 0" >>"$B/initramfs.list"
done
echo "file /modules $B/modules 0644 0 0" >>"$B/initramfs.list"

# The lineinfo boots: the KUnit suite, and copies of the test module whose
# line tables are damaged, one per class, checked first against the same
# lookup code built for the host (ASan).
if [ "$llvm" = 0 ]; then
WHY=$B/why
gcc -std=gnu11 -g -O1 -Wall -Werror -fsanitize=address,undefined -I"$REPO/include" \
	-I"$TREE/tools/include" "$REPO/test/lineinfo/why.c" "$REPO/kernel/lineinfo/lineinfo.c" \
	"$REPO/lib/leb128.c" -o "$WHY"
# with the race modules, a table that describes more than trace_test's .text
other=()
[ ${#race[@]} = 0 ] || other=("$B/race/lineinfo_race.ko")
OBJCOPY=${cross}objcopy python3 "$REPO/test/boot/corrupt-lineinfo.py" \
	"$KO/scripts/gen_lineinfo/gen_lineinfo" "$WHY" "$B/module/trace_test.ko" "$B/corrupt" \
	"${other[@]}" ||
	fail "boot $barch: corrupt-lineinfo.py"
cat >>"$B/initramfs.list" <<LIST
file /lineinfo_kunit.ko $KO/lib/tests/lineinfo_kunit.ko 0644 0 0
dir /corrupt 0755 0 0
file /corrupt/classes $B/corrupt/classes 0644 0 0
file /corrupt/intact.ko $B/corrupt/intact.ko 0644 0 0
LIST
while IFS=$'\t' read -r c _; do
	echo "file /corrupt/$c.ko $B/corrupt/$c.ko 0644 0 0"
done <"$B/corrupt/classes" >>"$B/initramfs.list"
fi
if [ ${#race[@]} != 0 ]; then
	cat >>"$B/initramfs.list" <<LIST
dir /race 0755 0 0
file /race/lineinfo_race.ko $B/race/lineinfo_race.ko 0644 0 0
file /race/lineinfo_race_target.ko $B/race/lineinfo_race_target.ko 0644 0 0
LIST
fi
"$KO/usr/gen_init_cpio" "$B/initramfs.list" >"$B/initramfs.cpio"

# TCG by default: it boots these kernels in seconds and behaves the same
# on every machine (a /dev/kvm inside a VM may exist and still not work).
accel=${QEMU_ACCEL:-tcg}
say "booting $barch in QEMU ($accel) ..."
t0=$SECONDS
rc=0
timeout 300 "${qemu[@]}" -accel "$accel" -m "$mem" -nographic -no-reboot \
	-kernel "$KO/$image" -initrd "$B/initramfs.cpio" \
	-append "$console panic=-1 oops=panic loglevel=7 sysrq_always_enabled" \
	</dev/null >"$B/serial.log" 2>&1 || rc=$?
say "QEMU: $((SECONDS - t0)) s, exit $rc (log: $B/serial.log)"
[ $rc = 0 ] || fail "boot $barch: QEMU exited $rc (timeout or crash), see $B/serial.log"

# riscv's module-linking KUnit test: every case it was built with passes;
# the ULEB128 case exists only with an assembler that has AS_HAS_ULEB128.
if [ "$barch" = riscv ]; then
	cases=(run_test_set run_test_sub)
	if grep -qx 'CONFIG_AS_HAS_ULEB128=y' "$KO/.config"; then
		cases+=(run_test_uleb)
	else
		[ "$llvm" = 0 ] || fail "boot $barch llvm: AS_HAS_ULEB128 is not set"
		echo "SKIP kunit-boot: riscv_checksum.run_test_uleb: not built, this assembler lacks R_RISCV_SET_ULEB128 (make boot-llvm ARCH=riscv runs it)"
	fi
	python3 "$REPO/test/boot/check-kunit.py" "$B/serial.log" riscv_checksum "${cases[@]}" ||
		FAILED=1
fi

if [ "$llvm" = 1 ]; then
	python3 "$REPO/test/boot/check-llvm.py" "$B/serial.log" "$barch" || FAILED=1
	if [ "$barch" = arm64 ]; then
		# the converted patcher on this kernel's own .eh_frame, against
		# the original taken from the base tree
		base_worktree
		read -r eh ehsize < <(python3 "$REPO/test/cocci/scs-image.py" "$KO/vmlinux" "$B/image.bin") ||
			die "scs-image.py failed on $KO/vmlinux"
		make -s -C "$REPO/test/cocci" scs-real KTREE="$TREE" KBASE="$BASE_WT" \
			O="$BUILD/host/cocci" IMAGE="$B/image.bin" EH="$eh" EHSIZE="$ehsize" ||
			fail "boot $barch llvm: the SCS patcher on the kernel's .eh_frame"
	fi
	exit $FAILED
fi

python3 "$REPO/test/boot/check-log.py" "$B/serial.log" || FAILED=1

# The lineinfo KUnit suite, loaded as a module on 2 CPUs.
python3 "$REPO/test/boot/check-kunit.py" "$B/serial.log" || FAILED=1

# The copies with damaged line tables: one warning each, no annotation
# from the damaged table, the module works, nothing crashes.
python3 "$REPO/test/boot/check-corrupt.py" "$B/serial.log" "$B/corrupt/classes" || FAILED=1

# Every source line the kernel printed, against addr2line on the same files;
# with CONFIG_KALLSYMS_LINEINFO_INLINE, the whole addr2line -i chain.
inline=()
if grep -qx 'CONFIG_KALLSYMS_LINEINFO_INLINE=y' "$KO/.config"; then
	inline=(--inline)
fi
CROSS_COMPILE=$cross BOOT_ARCH=$barch python3 "$REPO/test/boot/check-lines.py" "${inline[@]}" \
	"$B/serial.log" "$KO/vmlinux" "$TREE" "$B/module/trace_test.ko" "${race[@]}" || FAILED=1

# The unload race: every answer right or empty, no KASAN report.
if [ ${#race[@]} != 0 ]; then
	python3 "$REPO/test/boot/check-race.py" "$B/serial.log" || FAILED=1
fi

# scripts/decode_stacktrace.sh must decode an annotated log as the same
# log without the annotations: line by line the same, but a frame with an
# inline chain, printed as it is, whose chain must be the decoded one.
CROSS_COMPILE=$cross "$REPO/test/boot/check-decode.sh" "$TREE" "$KO/vmlinux" "$B/module" \
	"$B/serial.log" "$B" || FAILED=1
exit $FAILED
