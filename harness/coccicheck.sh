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
trap 'rm -f "$out"' EXIT
t0=$SECONDS
for d in "$@"; do
	if [ -f "$ktree/$d" ]; then
		where=("$d")
	else
		where=(--dir "$d")
	fi
	(cd "$ktree" && spatch -D report --very-quiet --no-show-diff \
		--no-includes --include-headers -j "$JOBS" \
		--sp-file "$COCCI" "${where[@]}") >>"$out" ||
		die "spatch failed on $ktree/$d"
done
sed -n 's#^\./##; /: WARNING: /p' "$out" | LC_ALL=C sort -u
say "report mode over $* in ${ktree#"$REPO"/}: $((SECONDS - t0)) s"
