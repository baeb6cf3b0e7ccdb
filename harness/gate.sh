#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel hygiene gate on everything the series adds or changes:
#  - scripts/checkpatch.pl --strict on every exported patch;
#  - scripts/kernel-doc -none -Wall on every added or changed .c/.h file;
#  - sparse (C=2) on every added or changed kernel .c file, in the O=
#    build that compiles it.
# New files must have zero findings. A changed existing file may keep the
# findings the base tree already had, but may not add any.
. "$(dirname "$0")/lib.sh"
. "$REPO/harness/export-test-id.sh"
need_tree

G=$BUILD/gate
rm -rf "$G" && mkdir -p "$G"
base=$(base_rev)

# checkpatch on the exported patches
DEST=$G/patches "$REPO/harness/series.sh" 2>/dev/null

# Findings a patch cannot avoid (a name of the existing code on a converted
# line, a host library's CamelCase API, a pattern the changed file already
# had) are dropped by checkpatch-filter.py, which says why; all others count.
for p in $(ls "$G"/patches/0*.patch | grep -v '/0000-'); do
	n=$(basename "$p")
	(cd "$TREE" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict --show-types \
		--no-summary --quiet "$p") >"$G/$n.checkpatch.all" 2>&1 || true
	python3 "$REPO/harness/checkpatch-filter.py" "$TREE" "$base" "$G" "$p" \
		<"$G/$n.checkpatch.all" >"$G/$n.checkpatch" 2>"$G/$n.checkpatch.pre"
	if ! grep -qE '^(ERROR|WARNING|CHECK):' "$G/$n.checkpatch" &&
	   ! grep -qv '^\(pre-existing\|system library\|inherited\)' "$G/$n.checkpatch.pre"; then
		pass "gate: checkpatch --strict $n$([ ! -s "$G/$n.checkpatch.pre" ] ||
			echo " ($(wc -l <"$G/$n.checkpatch.pre") unavoidable findings dropped, see ${G#"$REPO"/}/$n.checkpatch.pre)")"
	else
		sed 's/^/    /' "$G/$n.checkpatch" | head -40
		fail "gate: checkpatch --strict $n: $(grep -cE '^(ERROR|WARNING|CHECK):' "$G/$n.checkpatch") findings"
	fi
done

mapfile -t changed < <(git -C "$TREE" diff --name-status "$base" "refs/heads/$BRANCH" |
	awk '$1 ~ /^[AM]/ && $2 ~ /\.[ch]$/ { print $1 " " $2 }')

kdoc_count() { perl "$TREE/scripts/kernel-doc" -none -Wall "$1" 2>&1 | grep -c . || true; }

for line in "${changed[@]}"; do
	st=${line%% *} f=${line#* }
	case $f in tools/*) continue ;; esac # host code: checked by its own builds
	new=$(cd "$TREE" && kdoc_count "$f")
	old=0
	if [ "$st" = M ]; then
		git -C "$TREE" show "$base:$f" >"$G/base.${f##*/}"
		old=$(kdoc_count "$G/base.${f##*/}")
	fi
	if [ "$new" -le "$old" ]; then
		pass "gate: kernel-doc $f ($new findings, base $old)"
	else
		(cd "$TREE" && perl scripts/kernel-doc -none -Wall "$f") 2>&1 | sed 's/^/    /' | head -20
		fail "gate: kernel-doc $f: $new findings, base tree had $old"
	fi
done

# sparse: which O= build compiles a file
sparse_build() {
	case $1 in
	arch/sh/*) echo "$BUILD/sh sh sh4-linux-gnu-" ;;
	arch/arc/*) echo "$BUILD/arc arc arc-linux-gnu-" ;;
	arch/arm/*) echo "$BUILD/arm arm arm-linux-gnueabihf-" ;;
	# SCS patching is built only with clang (harness/cocci.sh)
	arch/arm64/kernel/pi/*) echo "$BUILD/arm64-scs arm64 llvm" ;;
	arch/arm64/*) echo "$BUILD/arm64 arm64 aarch64-linux-gnu-" ;;
	arch/riscv/kernel/module.c) echo "$BUILD/riscv-mod riscv riscv64-linux-gnu-" ;;
	arch/riscv/*) echo "$BUILD/riscv riscv riscv64-linux-gnu-" ;;
	arch/x86/* | kernel/module/* | kernel/lineinfo/*)
		# make check boots x86_64 with KASAN only: build/x86-kasan
		if [ -f "$BUILD/x86/.config" ] || [ ! -f "$BUILD/x86-kasan/.config" ]; then
			echo "$BUILD/x86 x86_64 -"
		else
			echo "$BUILD/x86-kasan x86_64 -"
		fi ;;
	*) echo "$BUILD/kunit um -" ;;
	esac
}
sparse_count() { { grep -E "^([^ ]*/)?$1:[0-9]+:[0-9]+: (warning|error):" "$2" || true; } | sort -u | wc -l; }

# a sparse the base accepts (Debian 12's is too old for 7.x)
SPARSE=$("$REPO/harness/sparse.sh") || die "no usable sparse"
kbuild_lock
for line in "${changed[@]}"; do
	st=${line%% *} f=${line#* }
	case $f in *.c) ;; *) continue ;; esac
	case $f in tools/* | scripts/* | Documentation/* | usr/*) continue ;; esac
	read -r o arch cross < <(sparse_build "$f")
	if [ ! -f "$o/.config" ]; then
		# make check builds arc, sh, UML, arm64 and riscv only on the
		# default base;
		# on another base only the boot kernel's files are checked
		if [ "$KBASE" != "$DEFAULT_KBASE" ]; then
			echo "SKIP gate: sparse $f: no ${o##*/} build on $KBASE (checked on $DEFAULT_KBASE)"
		else
			fail "gate: sparse $f: no configured build in ${o#"$REPO"/} (run the stage that builds it first)"
		fi
		continue
	fi
	opts=(-C "$TREE" O="$o" ARCH="$arch" C=2 CHECK="$SPARSE")
	if [ "$cross" = - ]; then
		opts+=(CC="ccache gcc")
	elif [ "$cross" = llvm ]; then
		opts+=(LLVM=-19 CC="ccache clang-19")
	else
		opts+=(CROSS_COMPILE="$cross" CC="ccache ${cross}gcc")
	fi
	log=$G/sparse.$(echo "$f" | tr / _).log
	make "${opts[@]}" "${f%.c}.o" >"$log" 2>&1 || true
	if ! grep -q "CHECK.*$f" "$log"; then
		tail -n 20 "$log" | sed 's/^/    /'
		fail "gate: sparse $f: sparse did not run (not built by ${o#"$REPO"/}?)"
		continue
	fi
	new=$(sparse_count "$f" "$log")
	old=0
	basef=$o/.leb128-sparse-base.$(echo "$f" | tr / _)
	if [ "$st" = M ] && [ ! -f "$basef" ] && [ "$new" -gt 0 ]; then
		# a changed file with findings and no recorded base count
		# (cocci.sh records those of the files it converts): sparse on
		# the base tree's version of the file, in the same build
		git -C "$TREE" show "$base:$f" >"$TREE/$f"
		make "${opts[@]}" "${f%.c}.o" >"$log.base" 2>&1 || true
		git -C "$TREE" checkout -q -- "$f"
		sparse_count "$f" "$log.base" >"$basef"
	fi
	[ "$st" = M ] && [ -f "$basef" ] && old=$(cat "$basef")
	if [ "$new" -le "$old" ]; then
		pass "gate: sparse $f ($new findings, base $old)"
	else
		grep -E "$f:[0-9]+:[0-9]+: (warning|error):" "$log" | sed 's/^/    /' | head -20
		fail "gate: sparse $f: $new findings, base tree had $old"
	fi
done
exit $FAILED
