#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# coccicheck.sh [KTREE [DIR|FILE...]]: report mode of
# scripts/coccinelle/leb128.cocci, the open-coded LEB128 codecs left in
# KTREE (default: the applied tree), over DIRs and FILEs (default: the
# whole tree).
# Prints "file:line:col-col: WARNING: ..." lines, sorted, on stdout.
. "$(dirname "$0")/lib.sh"

ktree=${1:-$TREE}
[ $# = 0 ] || shift
[ $# != 0 ] || set -- .
COCCI=${COCCI:-$REPO/scripts/coccinelle/leb128.cocci}
[ -d "$ktree" ] || die "no kernel tree at $ktree"

out=$(mktemp)
groups=$(mktemp)
trap 'rm -f "$out" "$groups"' EXIT
t0=$SECONDS
# Every report rule needs a 0x7f, 0x80 or BIT(7) token: spatch only has to
# parse the files that contain one (a tenth of the tree), each on its own.
(cd "$ktree" && grep -rlE --include='*.[ch]' '0[xX]7[fF]|0[xX]80|BIT\(7\)' -- "$@" || true) |
	LC_ALL=C sort | sed '$!G' >"$groups"
if [ -s "$groups" ]; then
	(cd "$ktree" && spatch -D report --very-quiet --no-show-diff \
		--no-includes --include-headers -j "$JOBS" \
		--sp-file "$COCCI" --file-groups "$groups") >"$out" ||
		die "spatch failed on $ktree ($*)"
fi
sed -n 's#^\./##; /: WARNING: /p' "$out" | LC_ALL=C sort -u
say "report mode over $* in ${ktree#"$REPO"/}: $(grep -c . "$groups") files with a 0x7f/0x80/BIT(7), $((SECONDS - t0)) s"
