#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Export the branch as a mailing-list series into out/series/ with
# git format-patch. Author and Signed-off-by come from your git config
# at export time: the commits in the tree are re-authored on a scratch
# branch first, so nobody but you appears in the exported patches.
. "$(dirname "$0")/lib.sh"
need_tree

# out/series for the default base, out/series-<minor> for another one
if [ "$KBASE" = "$DEFAULT_KBASE" ]; then
	DEST=${DEST:-$OUT/series}
else
	DEST=${DEST:-$OUT/series-$KBASE}
fi
name=$(git -C "$TREE" config user.name || true)
email=$(git -C "$TREE" config user.email || true)
[ -n "$name" ] && [ -n "$email" ] ||
	die "set your identity first: git config --global user.name 'Your Name'; git config --global user.email you@example.org (the series is authored and signed off by you)"
export GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email
export GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email

base=$(base_rev)
mapfile -t commits < <(git -C "$TREE" rev-list --reverse "$base..refs/heads/$BRANCH")
[ ${#commits[@]} -gt 0 ] || die "branch $BRANCH has no commits on top of its base: run 'make tree'"

# Re-author every commit (same trees, same messages).
parent=$base
for c in "${commits[@]}"; do
	parent=$(git -C "$TREE" log -1 --format=%B "$c" |
		git -C "$TREE" commit-tree "$c^{tree}" -p "$parent")
done
git -C "$TREE" update-ref "refs/$BRANCH/export" "$parent"

rm -rf "$DEST" && mkdir -p "$DEST"
git -C "$TREE" format-patch -q -s --cover-letter --no-signature \
	--subject-prefix=PATCH -o "$DEST" "$base..refs/$BRANCH/export"

# Fill in the cover letter from series/cover-letter (subject, blank, body).
cover=$(ls "$DEST"/0000-*.patch)
ver=$(kversion "$TREE")
python3 - "$cover" "$REPO/series/cover-letter" "$ver" <<'PY'
import sys
path, src, ver = sys.argv[1:4]
lines = open(src).read().split("\n")
subject = lines[0].strip()
body = "\n".join(lines[2:]).rstrip().replace("@KVERSION@", ver)
text = open(path).read()
text = text.replace("*** SUBJECT HERE ***", subject).replace("*** BLURB HERE ***", body)
open(path, "w").write(text)
PY
n=$(ls "$DEST"/*.patch | wc -l)
say "wrote $n files to ${DEST#"$REPO"/}/ (cover letter + $((n - 1)) patches, base: Linux $ver)"
say "send with: git send-email --to=<list> ${DEST#"$REPO"/}/*.patch"
