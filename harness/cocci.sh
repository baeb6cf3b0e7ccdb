#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Proof of the Coccinelle conversions (series entries 06-13) on the
# applied tree, against a detached worktree of the base branch:
#  a. the semantic patch is idempotent on the converted files;
#  b. the converted arc, sh, arm, arm64 (clang) and riscv objects build
#     with W=1 and sparse (C=2) with no warning the base objects did not
#     have; the base sparse counts are left where harness/gate.sh reads
#     them; arm64's early position-independent object also passes the
#     kernel's relacheck and references no symbol the base did not;
#  c. perf's util/genelf_debug.o builds from the converted tree;
#  d. host equivalence tests, originals taken from the base worktree
#     (test/cocci);
#  e. report mode names the codecs left to convert and not the
#     converted ones (harness/coccicheck.sh).
# O= directories are configured once and rebuilt only where the sources
# changed; every build goes through ccache.
. "$(dirname "$0")/lib.sh"
need_tree

COCCI=scripts/coccinelle/leb128.cocci
CONVERTED=(arch/arc/kernel/unwind.c arch/sh/kernel/dwarf.c tools/perf/util/genelf_debug.c
	arch/arm/kernel/unwind.c arch/arm64/kernel/pi/patch-scs.c arch/riscv/kernel/module.c)
L=$BUILD/cocci
mkdir -p "$L"
# a sparse the base accepts (Debian 12's is too old for 7.x)
SPARSE=$("$REPO/harness/sparse.sh") || die "no usable sparse"
base=$(base_rev)

[ "$(git -C "$TREE" symbolic-ref -q --short HEAD)" = "$BRANCH" ] ||
	die "$TREE is not on branch $BRANCH: run 'make tree'"
[ -z "$(git -C "$TREE" status --porcelain)" ] ||
	die "$TREE has local changes: run 'make tree'"

# a. A second patch-mode run over the converted files changes nothing.
idempotent() {
	local f out
	for f in "${CONVERTED[@]}"; do
		out=$L/idempotent.$(echo "$f" | tr / _).diff
		if ! (cd "$TREE" && spatch --very-quiet -D patch --sp-file "$COCCI" "$f") \
			>"$out" 2>"$out.err"; then
			sed 's/^/    /' "$out.err" | head -20
			fail "cocci: spatch -D patch on converted $f failed"
		elif [ -s "$out" ]; then
			sed 's/^/    /' "$out" | head -30
			fail "cocci: idempotency: a second run changes $f"
		else
			pass "cocci: idempotency: a second run leaves $f unchanged"
		fi
	done
	[ -z "$(git -C "$TREE" status --porcelain)" ] ||
		fail "cocci: idempotency check left $TREE dirty"
}

# Per-file warning counts of a build log: "path count", the path relative
# to the source tree.
warn_counts() {
	sed -nE "s#^(\.\./)*($TREE/|$BASE_WT/)?([^ :]+):[0-9]+:[0-9]+: (warning|error):.*#\3#p" "$1" |
		sort | uniq -c | awk '{ print $2, $1 }'
}

# The symbols each cross build needs on top of its defconfig: the
# converted file must be built, or the comparison proves nothing.
config_extra() {
	case $1 in
	sh) echo DEBUG_KERNEL DWARF_UNWINDER ;;
	arm) echo UNWINDER_ARM ARM_UNWIND ;;
	arm64) echo SHADOW_CALL_STACK ARM64_PTR_AUTH ARM64_PTR_AUTH_KERNEL UNWIND_PATCH_PAC_INTO_SCS ;;
	riscv) echo MODULES ;;
	esac
}

# kbuild SRC O ARCH CROSS CONFIG_TARGETS OBJ NAME
# Configures O= once, then builds OBJ with W=1 and sparse (C=2). C=2
# runs sparse even when OBJ is up to date; the compiler's own warnings
# are kept from the last run that compiled OBJ. CROSS "llvm" builds with
# clang-19 and the LLVM tools (LLVM=-19).
kbuild() {
	local src=$1 o=$2 arch=$3 cross=$4 cfg=$5 obj=$6 name=$7 sym
	local mk=(make -C "$src" O="$o" ARCH="$arch" CHECK="$SPARSE" -j"$JOBS")
	if [ "$cross" = llvm ]; then
		mk+=(LLVM=-19 CC="ccache clang-19")
	else
		mk+=(CROSS_COMPILE="$cross" CC="ccache ${cross}gcc")
	fi
	mkdir -p "$o"
	if [ ! -f "$o/.config" ]; then
		# shellcheck disable=SC2086
		quiet "$L/$name.config.log" "${mk[@]}" $cfg || return 1
		local extra
		extra=$(config_extra "$arch")
		if [ -n "$extra" ]; then
			# shellcheck disable=SC2046
			"$src"/scripts/config --file "$o/.config" $(printf -- '-e %s ' $extra)
			quiet "$L/$name.config.log" "${mk[@]}" olddefconfig || return 1
			for sym in $extra; do
				grep -qx "CONFIG_$sym=y" "$o/.config" || {
					rm -f "$o/.config"
					say "$name: CONFIG_$sym did not stick in ${o#"$REPO"/}"
					return 1
				}
			done
		fi
	fi
	# Compile first, then sparse alone (same flags, so nothing rebuilds).
	quiet "$L/$name.build.log" "${mk[@]}" W=1 "$obj" || return 1
	if grep -qE "^ +CC +${obj}\$" "$L/$name.build.log"; then
		cp "$L/$name.build.log" "$o/.leb128-w1.log"
	fi
	[ -f "$o/.leb128-w1.log" ] || {
		say "$name: no compile log of $obj: remove $o/$obj and re-run"
		return 1
	}
	quiet "$L/$name.sparse.log" "${mk[@]}" W=1 C=2 "$obj" || return 1
	grep -qE "^ +CHECK +.*${obj%.o}\.c\$" "$L/$name.sparse.log" || {
		say "$name: sparse did not run on ${obj%.o}.c"
		return 1
	}
	! grep -qE "^ +CC +${obj}\$" "$L/$name.sparse.log" || {
		say "$name: the sparse run recompiled $obj"
		return 1
	}
}

# Compare the warnings (compiler W=1 and sparse) of one converted object
# with those of the base object, per file by count.
compare_warnings() {
	local name=$1 src=$2 f n old newlog baselog
	newlog=$L/$name.warn
	baselog=$L/$name-base.warn
	cat "$BUILD/$name/.leb128-w1.log" "$L/$name.sparse.log" >"$newlog"
	cat "$BUILD/$name-base/.leb128-w1.log" "$L/$name-base.sparse.log" >"$baselog"
	local bad=0
	while read -r f n; do
		old=$(warn_counts "$baselog" | awk -v f="$f" '$1 == f { print $2 }')
		if [ "$n" -gt "${old:-0}" ]; then
			grep -E "$f:[0-9]+:[0-9]+: (warning|error):" "$newlog" | sed 's/^/    /' | head -10
			fail "cocci: $name: $f has $n warnings with W=1/sparse, base ${old:-0}"
			bad=1
		fi
	done < <(warn_counts "$newlog")
	[ $bad = 1 ] ||
		pass "cocci: $name: $src builds with W=1 and sparse, no new warnings ($(warn_counts "$newlog" | awk '{ s += $2 } END { print s + 0 }') total, base $(warn_counts "$baselog" | awk '{ s += $2 } END { print s + 0 }'))"
	# The base's sparse count of the converted file, for harness/gate.sh.
	{ grep -E "^([^ ]*/)?$src:[0-9]+:[0-9]+: (warning|error):" "$L/$name-base.sparse.log" || true; } | sort -u | wc -l \
		>"$BUILD/$name/.leb128-sparse-base.$(echo "$src" | tr / _)"
}

# The base and the converted object of one configuration at once, each
# with make -j1: configuring and preparing an O= tree is mostly serial,
# so two of them keep the two cores busy where one -j2 build would not.
kbuild_pair() {
	local arch=$1 cross=$2 cfg=$3 obj=$4 name=$5 pid rc=0

	JOBS=1 kbuild "$BASE_WT" "$BUILD/$name-base" "$arch" "$cross" "$cfg" "$obj" \
		"$name-base" &
	pid=$!
	JOBS=1 kbuild "$TREE" "$BUILD/$name" "$arch" "$cross" "$cfg" "$obj" "$name" || rc=1
	wait "$pid" || rc=1
	return $rc
}

cross_builds() {
	local name arch cross cfg src ok scs_ok=0
	for name in arc sh arm arm64-scs riscv-mod; do
		case $name in
		arc) arch=arc cross=arc-linux-gnu- cfg=defconfig src=arch/arc/kernel/unwind.c ;;
		sh) arch=sh cross=sh4-linux-gnu- cfg=sdk7786_defconfig src=arch/sh/kernel/dwarf.c ;;
		arm) arch=arm cross=arm-linux-gnueabihf- cfg=vexpress_defconfig src=arch/arm/kernel/unwind.c ;;
		# UNWIND_PATCH_PAC_INTO_SCS depends on CC_IS_CLANG
		arm64-scs) arch=arm64 cross=llvm cfg=tinyconfig src=arch/arm64/kernel/pi/patch-scs.c ;;
		riscv-mod) arch=riscv cross=riscv64-linux-gnu- cfg=tinyconfig src=arch/riscv/kernel/module.c ;;
		esac
		ok=1
		timed "$name: base and converted ${src%.c}.o, side by side" \
			kbuild_pair $arch $cross $cfg "${src%.c}.o" "$name" || ok=0
		if [ $ok = 0 ]; then
			fail "cocci: $name: build of ${src%.c}.o failed (logs in ${L#"$REPO"/})"
			continue
		fi
		[ "$name" != arm64-scs ] || scs_ok=1
		compare_warnings "$name" "$src"
		# arm's unwinder is built without function tracing (it runs
		# inside the tracers): the conversion may not add a call out
		[ "$name" != arm ] ||
			same_undefined arm "${src%.c}.o" arm-linux-gnueabihf-nm "the unwinder is not traced"
	done
	[ $scs_ok = 0 ] || pi_object
}

# same_undefined NAME OBJ NM WHY: the converted object references exactly
# the symbols the base object referenced.
same_undefined() {
	local name=$1 obj=$2 nm=$3 why=$4 u_new u_base
	u_new=$("$nm" -u "$BUILD/$name/$obj" | awk '{ print $NF }' | sort | paste -sd' ')
	u_base=$("$nm" -u "$BUILD/$name-base/$obj" | awk '{ print $NF }' | sort | paste -sd' ')
	if [ "$u_new" = "$u_base" ]; then
		pass "cocci: $name: $obj references the symbols the base did, no new call ($why)"
	else
		fail "cocci: $name: $obj references '$u_new', the base '$u_base' ($why)"
	fi
}

# arm64's patch-scs.c runs before the kernel is mapped: the kernel's own
# relacheck refuses an absolute relocation in patch-scs.pi.o, and any
# symbol it references must be one the base object referenced too.
pi_object() {
	local obj=arch/arm64/kernel/pi/patch-scs.pi.o name
	for name in arm64-scs-base arm64-scs; do
		local src=$TREE
		[ "$name" = arm64-scs-base ] && src=$BASE_WT
		quiet "$L/$name.pi.log" make -C "$src" O="$BUILD/$name" ARCH=arm64 LLVM=-19 \
			CC="ccache clang-19" CHECK="$SPARSE" W=1 -j"$JOBS" "$obj" || {
			fail "cocci: arm64: $obj does not build or fails relacheck (${L#"$REPO"/}/$name.pi.log)"
			return
		}
	done
	pass "cocci: arm64: $obj passes the kernel's relacheck (no absolute relocation)"
	same_undefined arm64-scs "$obj" llvm-nm-19 "early code may not call out of its object"
}

# c. perf's genelf_debug.o alone: perf's own flags include -Werror.
perf_object() {
	local o=$BUILD/perf
	mkdir -p "$o"
	if quiet "$L/perf.build.log" make -C "$TREE/tools/perf" O="$o" \
		BUILD_BPF_SKEL=0 NO_LIBLLVM=1 NO_LIBTRACEEVENT=1 NO_JEVENTS=1 \
		CC="ccache gcc" -j"$JOBS" util/genelf_debug.o; then
		pass "cocci: perf: util/genelf_debug.o builds from the converted tree"
	else
		fail "cocci: perf: util/genelf_debug.o does not build (${L#"$REPO"/}/perf.build.log)"
	fi
}

equivalence() {
	make -s -C "$REPO/test/cocci" check KTREE="$TREE" KBASE="$BASE_WT" O="$BUILD/host/cocci" ||
		fail "cocci: equivalence tests failed to build or run"
}

# e. Report mode: converted files gone from the list, the others listed.
# report NAME TREE WHERE FILE...: WHERE is the list of directories or
# files to run on.
report() {
	local list=$L/report.$1 tree=$2 where=$3 f
	shift 3
	# shellcheck disable=SC2086
	if ! "$REPO/harness/coccicheck.sh" "$tree" $where >"$list" 2>"$list.err"; then
		sed 's/^/    /' "$list.err" | tail -n 20
		fail "cocci: report mode failed on ${tree#"$REPO"/}"
		return
	fi
	for f in "$@"; do
		case $f in
		!*) f=${f#!}
			if grep -q "^$f:" "$list"; then
				fail "cocci: report on ${tree#"$REPO"/} still names $f"
			else
				pass "cocci: report on ${tree#"$REPO"/} does not name $f"
			fi ;;
		*)	if grep -q "^$f:" "$list"; then
				pass "cocci: report on ${tree#"$REPO"/} names $f"
			else
				fail "cocci: report on ${tree#"$REPO"/} misses $f"
			fi ;;
		esac
	done
}

# The directories report mode covers in make check: where the known
# codecs live and where new ones would go (see harness/coccicheck.sh for
# the whole-tree run and its time).
COCCICHECK_DIRS=${COCCICHECK_DIRS:-"arch lib kernel scripts tools/perf/util"}
# Open-coded codecs that stay, each reported with its reason.
OTHERS=(lib/xz/xz_dec_stream.c)

timed "idempotency" idempotent
# On another base the conversions come from the same .cocci (tree.sh);
# the builds and the equivalence tests run on the default base.
[ "$KBASE" = "$DEFAULT_KBASE" ] || exit $FAILED
timed "base worktree" base_worktree
kbuild_lock
timed "cross builds" cross_builds
timed "perf object" perf_object
exec 9>&- # release the build lock
timed "equivalence tests" equivalence
# Matches that are not LEB128: a 7-bit field shifted by a multiple of 8
# (mips alchemy, x86 TDX) and big-endian base 128 (BER OIDs).
NOT_LEB128=(arch/mips/alchemy/common/irq.c arch/x86/kvm/vmx/tdx.c lib/oid_registry.c)

# The converted tree over the directories; the base tree only on the
# files named, to show that the rules find what was converted there.
timed "report, converted tree" report converted "$TREE" "$COCCICHECK_DIRS" \
	"${OTHERS[@]}" "${CONVERTED[@]/#/!}" "${NOT_LEB128[@]/#/!}"
timed "report, base tree" report base "$BASE_WT" \
	"${OTHERS[*]} ${CONVERTED[*]} ${NOT_LEB128[*]}" \
	"${OTHERS[@]}" "${CONVERTED[@]}" "${NOT_LEB128[@]/#/!}"
if grep -q "^lib/xz/xz_dec_stream.c:.*; stays: " "$L/report.converted"; then
	pass "cocci: report gives the reason lib/xz/xz_dec_stream.c stays open-coded"
else
	fail "cocci: report on lib/xz/xz_dec_stream.c lacks its reason to stay"
fi
exit $FAILED
