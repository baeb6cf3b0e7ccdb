#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Export the series and check that `git am` applies it on a fresh
# checkout of the base tree and gives exactly the branch's tree.
. "$(dirname "$0")/lib.sh"
. "$REPO/harness/export-test-id.sh"
need_tree

T=$BUILD/series-test
rm -rf "$T"
mkdir -p "$T"
DEST=$T/patches "$REPO/harness/series.sh"

git -C "$TREE" worktree prune
git -C "$TREE" worktree add -q --detach "$T/wt" "$(base_rev)"
trap 'git -C "$TREE" worktree remove --force "$T/wt" 2>/dev/null || true' EXIT

mapfile -t patches < <(ls "$T"/patches/0*.patch | grep -v '/0000-')
n=${#patches[@]}
if git -C "$T/wt" am -q "${patches[@]}" >"$T/am.log" 2>&1; then
	pass "series: git am applies all $n patches on the base tree"
else
	cat "$T/am.log" >&2
	fail "series: git am failed (see above)"
	exit 1
fi
if [ "$(git -C "$T/wt" rev-parse 'HEAD^{tree}')" = "$(git -C "$TREE" rev-parse "refs/heads/$BRANCH^{tree}")" ]; then
	pass "series: applied series gives the branch's tree"
else
	fail "series: applied series differs from branch $BRANCH"
fi
me="$(git config user.name) <$(git config user.email)>"
bad=0
base=$(base_rev)
for c in $(git -C "$T/wt" rev-list "$base..HEAD"); do
	git -C "$T/wt" log -1 --format='%an <%ae>' "$c" | grep -qxF "$me" &&
		git -C "$T/wt" log -1 --format=%B "$c" | grep -qxF "Signed-off-by: $me" ||
		{ say "commit $(git -C "$T/wt" log -1 --format=%s "$c"): author or sign-off is not $me"; bad=1; }
done
[ $bad = 0 ] && pass "series: every patch is authored and signed off by the git config identity" ||
	fail "series: author/sign-off mismatch"
grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE' "$T"/patches/0000-*.patch &&
	fail "series: cover letter not filled in" || pass "series: cover letter filled in"
ver=$(kversion "$T/wt")
grep -qF "based on v$ver." "$T"/patches/0000-*.patch &&
	pass "series: cover letter names the base, v$ver" ||
	fail "series: cover letter does not say 'based on v$ver'"
exit $FAILED
