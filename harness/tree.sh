#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Base tree + series -> git branch leb128-lineinfo in $TREE.
#
# Base (KBASE, see lib.sh): Debian's linux-source-<minor> unpacked into
# $TREE and committed as branch leb128-lineinfo-base (7.3 is fetched from
# trixie-backports by fetch-source.sh, 6.12 is Debian 12's own package),
# or with KSRC=/path a git worktree of the user's tree (their current
# branch is never touched).
#
# Each series/NN-slug/ directory becomes one commit. A patch of an entry
# is taken from series/NN-slug/<minor>/ instead where that base needs its
# own variant of it (the trees differ there). Re-running is cheap:
# every commit is keyed by a hash of its inputs chained from the base, and
# the longest unchanged prefix of the branch is kept, so files (and their
# mtimes, which drive the O= builds) are only rewritten when they change.
. "$(dirname "$0")/lib.sh"

HARNESS_ID=(-c user.name="leb128-lineinfo harness" -c user.email="harness@leb128-lineinfo.invalid")
git_t() { git -C "$TREE" "$@"; }
git_c() {
	if git_t config user.name >/dev/null && git_t config user.email >/dev/null; then
		git -C "$TREE" "$@"
	else
		git -C "$TREE" "${HARNESS_ID[@]}" "$@"
	fi
}

commit_base() {
	# zlib level 1 for the ~80,000 loose objects of the base tree
	git -C "$1" -c core.looseCompression=1 add -A -f .
	git -C "$1" "${HARNESS_ID[@]}" commit -q -m "Debian linux-source-$KBASE ($2)"
}

setup_debian_base() {
	local TARBALL
	TARBALL=$("$REPO/harness/fetch-source.sh" "$KBASE") || exit 1
	local id
	id=$(stat -c '%s %Y' "$TARBALL")
	if [ -f "$TREE/.git/leb128-base-id" ] && [ "$(cat "$TREE/.git/leb128-base-id")" = "$id" ]; then
		return
	fi
	[ -d "$TREE" ] && say "base tarball changed: re-unpacking $TREE"
	rm -rf "$TREE" "$TREE.tmp"
	mkdir -p "$TREE.tmp"
	timed "unpack $(basename "$TARBALL")" \
		tar -xf "$TARBALL" -C "$TREE.tmp" --strip-components=1
	git -C "$TREE.tmp" init -q -b "$BRANCH-base"
	git -C "$TREE.tmp" config core.autocrlf false
	git -C "$TREE.tmp" config gc.auto 0
	timed "commit base tree" commit_base "$TREE.tmp" "$(kversion "$TREE.tmp")"
	echo "$id" >"$TREE.tmp/.git/leb128-base-id"
	mv "$TREE.tmp" "$TREE"
}

setup_ksrc_base() {
	[ -d "$KSRC" ] || die "KSRC=$KSRC: no such directory"
	git -C "$KSRC" rev-parse --git-dir >/dev/null 2>&1 ||
		die "KSRC=$KSRC is not a git tree (a plain unpacked tree works as the default base instead)"
	[ -f "$KSRC/Makefile" ] && grep -q '^PATCHLEVEL' "$KSRC/Makefile" ||
		die "KSRC=$KSRC does not look like a Linux source tree"
	local head
	head=$(git -C "$KSRC" rev-parse --verify "${KREV:-HEAD}^{commit}") ||
		die "KSRC=$KSRC: cannot resolve ${KREV:-HEAD}"
	if [ ! -e "$TREE/.git" ]; then
		mkdir -p "$BUILD"
		git -C "$KSRC" worktree prune
		git -C "$KSRC" worktree add -q --detach "$TREE" "$head" ||
			die "cannot add a worktree of $KSRC at $TREE"
	fi
	# A private ref, never a branch: it cannot collide with the user's.
	git_t update-ref "refs/$BRANCH/base" "$head"
}

if [ -n "$KSRC" ]; then setup_ksrc_base; else setup_debian_base; fi

base=$(base_rev)
ver=$(kversion "$TREE" || echo unknown)
case $ver in
"$KBASE".*) ;;
*) die "$TREE is Linux $ver, not $KBASE" ;;
esac

# The patches of an entry for this base, in name order: the entry's own,
# each replaced by series/NN-slug/$KBASE/ when that has one of that name.
entry_patches() {
	local d=$1 n
	for n in $( (cd "$d" && ls -- *.patch "$KBASE"/*.patch 2>/dev/null) |
		sed 's#.*/##' | LC_ALL=C sort -u); do
		if [ -f "$d/$KBASE/$n" ]; then echo "$d/$KBASE/$n"; else echo "$d/$n"; fi
	done
}

# Inputs of one entry, hashed.
entry_hash() {
	local d=$1 prev=$2
	{
		echo "$prev"
		(cd "$d" && find . -type f | LC_ALL=C sort | xargs sha256sum)
		if [ -f "$d/files" ]; then
			while read -r src dst; do
				sha256sum "$REPO/$src"
				echo "-> ${dst:-$src}"
			done < <(grep -v '^[[:space:]]*\(#\|$\)' "$d/files")
		fi
	} | sha256sum | cut -c1-64
}

apply_entry() {
	local d=$1 name
	name=${d#"$REPO"/}
	local added=() src dst
	if [ -f "$d/files" ]; then
		while read -r src dst; do
			dst=${dst:-$src}
			mkdir -p "$(dirname "$TREE/$dst")"
			cp "$REPO/$src" "$TREE/$dst"
			added+=("$dst")
		done < <(grep -v '^[[:space:]]*\(#\|$\)' "$d/files")
	fi
	local p
	for p in $(entry_patches "$d"); do
		if ! out=$(git_t apply --whitespace=error-all "$p" 2>&1); then
			printf '%s\n' "$out" >&2
			die "${p#"$REPO"/} does not apply to $TREE (Linux $ver): see the file and line above"
		fi
		# Debian's tree ignores every path (.gitignore: /*): a file a
		# patch creates is added by name like the copied ones.
		while read -r _ _ dst; do
			[ -e "$TREE/$dst" ] && added+=("$dst")
		done < <(git_t apply --numstat "$p")
	done
	if [ -f "$d/cocci" ]; then
		while read -r sp targets; do
			[ -f "$TREE/$sp" ] || die "$name/cocci: $sp not in the tree"
			# shellcheck disable=SC2086
			(cd "$TREE" && spatch --very-quiet -D patch --in-place --no-show-diff \
				--sp-file "$sp" $targets) >"$BUILD/spatch.log" 2>&1 ||
				{ cat "$BUILD/spatch.log" >&2; die "$name: spatch $sp failed"; }
		done < <(grep -v '^[[:space:]]*\(#\|$\)' "$d/cocci")
	fi
	git_t add -A
	[ ${#added[@]} = 0 ] || git_t add -f -- "${added[@]}"
	if git_t diff --cached --quiet; then
		die "$name changed nothing in the tree"
	fi
	git_c commit -q -F "$d/message" || die "$name: commit failed"
}

stamps=$(git_t rev-parse --absolute-git-dir)/leb128-stamps
[ -f "$stamps" ] || : >"$stamps"

mapfile -t entries < <(find "$REPO/series" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*' | LC_ALL=C sort)

# The chain starts from the base commit and this script itself, so a change
# in how entries are applied re-applies them all.
key=$( (echo "$base"; sha256sum <"$0") | sha256sum | cut -c1-64)
keep=$base
todo=()
for d in "${entries[@]}"; do
	[ -f "$d/message" ] || die "${d#"$REPO"/}: no message file"
	if [ -f "$d/files" ]; then
		while read -r src _; do
			[ -f "$REPO/$src" ] || die "${d#"$REPO"/}/files: $src is not in the repo"
		done < <(grep -v '^[[:space:]]*\(#\|$\)' "$d/files")
	fi
	key=$(entry_hash "$d" "$key")
	if [ ${#todo[@]} = 0 ]; then
		sha=$(awk -v k="$key" '$1 == k { print $2 }' "$stamps" | tail -n 1)
		if [ -n "$sha" ] && git_t cat-file -e "$sha^{commit}" 2>/dev/null; then
			keep=$sha
			continue
		fi
	fi
	todo+=("$d:$key")
done

cur=$(git_t rev-parse -q --verify "refs/heads/$BRANCH" || true)
if [ ${#todo[@]} = 0 ] && [ "$cur" = "$keep" ] &&
   [ "$(git_t rev-parse HEAD)" = "$keep" ] && [ -z "$(git_t status --porcelain)" ]; then
	say "$TREE: branch $BRANCH is up to date ($(git_t rev-list --count "$base..$keep") commits on Linux $ver)"
	exit 0
fi

git_t checkout -q -f -B "$BRANCH" "$keep"
# -x: the base's .gitignore hides files a previous run added
git_t clean -q -f -d -x
for t in "${todo[@]}"; do
	d=${t%:*}
	k=${t##*:}
	say "applying ${d#"$REPO"/series/}"
	apply_entry "$d"
	echo "$k $(git_t rev-parse HEAD)" >>"$stamps"
done
say "$TREE: branch $BRANCH = $(git_t rev-list --count "$base..HEAD") commits on Linux $ver"
