#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the KUnit suites selected by configs/kunit/.kunitconfig on UML,
# out of tree in build/kunit, and print one PASS/FAIL line per test case.
. "$(dirname "$0")/lib.sh"
need_tree

KUNITCONFIG=${KUNITCONFIG:-$REPO/configs/kunit/.kunitconfig}
KDIR=$BUILD/kunit
mkdir -p "$KDIR"

kbuild_lock
rc=0
t0=$SECONDS
say "building UML and running $(grep -c '_TEST=y' "$KUNITCONFIG") KUnit suite config(s) (cold build: ~6 min) ..."
(cd "$TREE" && python3 tools/testing/kunit/kunit.py run \
	--build_dir="$KDIR" --kunitconfig="$KUNITCONFIG" --jobs="$JOBS" \
	--make_options "CC=ccache gcc" --timeout=300 \
	--json="$KDIR/results.json") >"$KDIR/kunit.log" 2>&1 || rc=$?
say "kunit.py: $((SECONDS - t0)) s, exit $rc (log: $KDIR/kunit.log)"
grep -E '^\[[0-9:]+\] (Testing complete|=+ \[|.*(PASSED|FAILED|SKIPPED|CRASHED))' "$KDIR/kunit.log" >&2 || true

if [ ! -s "$KDIR/results.json" ]; then
	tail -n 40 "$KDIR/kunit.log" >&2
	fail "kunit: no results (build or boot failed, see $KDIR/kunit.log)"
	exit 1
fi

python3 - "$KDIR/results.json" <<'PY'
import json, sys

def walk(node, path):
    name = node.get("name", "")
    p = f"{path}.{name}" if path and name else (name or path)
    for case in node.get("test_cases", []):
        status = case.get("status", "?")
        cname = f"{p}.{case['name']}" if p else case["name"]
        if status == "PASS":
            print(f"PASS kunit {cname}")
        elif status == "SKIPPED":
            print(f"SKIP kunit {cname}")
        else:
            print(f"FAIL kunit {cname}: {status}")
    for sub in node.get("sub_groups", []):
        walk(sub, p)

top = json.load(open(sys.argv[1]))
for group in top.get("sub_groups", []):
    walk(group, "")
if not top.get("sub_groups"):
    print("FAIL kunit: no suite ran")
PY
[ $rc = 0 ] || fail "kunit: kunit.py exited $rc"
exit $FAILED
