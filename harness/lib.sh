# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the harness scripts. Source it; do not run it.

set -eu -o pipefail

: "${REPO:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${BUILD:=$REPO/build}"
: "${OUT:=$REPO/out}"
: "${KSRC:=}"
if [ -z "${TREE:-}" ]; then
	if [ -n "$KSRC" ]; then TREE=$BUILD/ksrc; else TREE=$BUILD/linux; fi
fi
BRANCH=leb128-lineinfo
export REPO BUILD OUT KSRC TREE BRANCH
export PYTHONDONTWRITEBYTECODE=1
# ccache shared by every O= directory (see ../shared/FACTS.md).
export CCACHE_NOHASHDIR=1
export CCACHE_DIR=${CCACHE_DIR:-$BUILD/ccache}
JOBS=${JOBS:-$(nproc)}

prog=$(basename "$0" .sh)

say()  { printf '%s: %s\n' "$prog" "$*" >&2; }
die()  { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }
pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; FAILED=1; }
FAILED=0

# Time a step and print how long it took.
timed() {
	local what=$1 t0=$SECONDS rc=0
	shift
	say "$what ..."
	"$@" || rc=$?
	say "$what: $((SECONDS - t0)) s$([ $rc = 0 ] || echo ", exit $rc")"
	return $rc
}

# Run a command quietly; on failure show the tail of its log.
quiet() {
	local log=$1
	shift
	if [ "${V:-0}" = 1 ]; then
		"$@" 2>&1 | tee "$log"
		return "${PIPESTATUS[0]}"
	fi
	if ! "$@" >"$log" 2>&1; then
		say "failed: $*"
		tail -n 40 "$log" >&2
		say "full log: $log"
		return 1
	fi
}

# Kernel builds take both cores: never run two at once.
kbuild_lock() {
	mkdir -p "$BUILD"
	exec 9>"$BUILD/.kbuild.lock"
	flock 9
}

need_tree() {
	[ -d "$TREE/.git" ] || [ -f "$TREE/.git" ] ||
		die "no kernel tree at $TREE: run 'make tree' first"
}

# The commit the series is based on.
base_rev() {
	# Debian base: branch leb128-lineinfo-base; KSRC: refs/leb128-lineinfo/base
	if [ -n "$KSRC" ]; then
		git -C "$TREE" rev-parse --verify -q "refs/$BRANCH/base"
	else
		git -C "$TREE" rev-parse --verify -q "refs/heads/$BRANCH-base"
	fi || die "no base of the series in $TREE: run 'make tree'"
}

# The pristine base as a detached worktree at build/linux-base (for the
# original code the conversions are compared with), at the current base.
BASE_WT=$BUILD/linux-base
base_worktree() {
	local base
	base=$(base_rev)
	if [ -e "$BASE_WT/.git" ] &&
	   [ "$(git -C "$BASE_WT" rev-parse -q --verify HEAD)" = "$base" ] &&
	   [ -z "$(git -C "$BASE_WT" status --porcelain)" ]; then
		return
	fi
	say "(re)creating the base worktree at ${BASE_WT#"$REPO"/}"
	git -C "$TREE" worktree remove --force "$BASE_WT" 2>/dev/null || rm -rf "$BASE_WT"
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$BASE_WT" "$base"
}
