# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the harness scripts. Source it; do not run it.

set -eu -o pipefail

: "${REPO:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${OUT:=$REPO/out}"
: "${KSRC:=}"
: "${KBASE:=}"

prog=$(basename "$0" .sh)

say()  { printf '%s: %s\n' "$prog" "$*" >&2; }
die()  { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }

# The bases the series is kept for: the first is the default (the one
# reviewers take patches against), the others are tested as well. Moving
# to a newer minor is a deliberate rebase: add it here.
KBASES=(7.3 6.12)
DEFAULT_KBASE=${KBASES[0]}

# VERSION.PATCHLEVEL.SUBLEVEL of a kernel tree, and VERSION.PATCHLEVEL
kversion() {
	awk -F' *= *' '/^VERSION/ {v=$2} /^PATCHLEVEL/ {p=$2} /^SUBLEVEL/ {s=$2}
		END { if (v == "") exit 1; print v "." p "." s }' "$1/Makefile"
}
kminor() {
	local v
	v=$(kversion "$1") || return 1
	echo "${v%.*}"
}

# KBASE: given, or with KSRC= the minor of that tree.
if [ -n "$KSRC" ]; then
	[ -f "$KSRC/Makefile" ] || die "KSRC=$KSRC: no kernel Makefile there"
	ksrc_minor=$(kminor "$KSRC") || die "KSRC=$KSRC does not look like a Linux source tree"
	[ -z "$KBASE" ] || [ "$KBASE" = "$ksrc_minor" ] ||
		die "KBASE=$KBASE but KSRC=$KSRC is Linux $ksrc_minor"
	KBASE=$ksrc_minor
fi
KBASE=${KBASE:-$DEFAULT_KBASE}
case " ${KBASES[*]} " in
*" $KBASE "*) ;;
*) die "KBASE=$KBASE: the series is kept for ${KBASES[*]}" ;;
esac

# build/ holds the default base's outputs; another base's go to
# build/base-<minor>/. The ccache, the apt state and the lock are shared.
BUILD_ROOT=${BUILD_ROOT:-$REPO/build}
if [ "$KBASE" = "$DEFAULT_KBASE" ]; then
	BUILD=$BUILD_ROOT
else
	BUILD=$BUILD_ROOT/base-$KBASE
fi
if [ -n "$KSRC" ]; then TREE=$BUILD/ksrc; else TREE=$BUILD/linux; fi
BRANCH=leb128-lineinfo
export REPO BUILD_ROOT BUILD OUT KSRC KBASE TREE BRANCH
export PYTHONDONTWRITEBYTECODE=1
# One ccache for every O= directory. The kernel compiles with -g, and
# ccache then hashes the compiler's working directory (its hash_dir
# setting, on by default), which is the O= directory: without
# CCACHE_NOHASHDIR a build in another or a fresh O= directory never hits
# what an earlier one cached. The price: an object taken from the cache
# keeps the DW_AT_comp_dir of the build that stored it.
export CCACHE_NOHASHDIR=1
export CCACHE_DIR=${CCACHE_DIR:-$BUILD_ROOT/ccache}
JOBS=${JOBS:-$(nproc)}
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
	mkdir -p "$BUILD_ROOT"
	exec 9>"$BUILD_ROOT/.kbuild.lock"
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

# The first plain Debian archive URI of the system's apt sources (one-line
# or deb822 format), not the security archive: where packages that Debian 12
# itself lacks are fetched from, and the mirror of a throwaway root.
debian_mirror() {
	python3 - <<'PY'
import glob, re
uris = []
for f in ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
    try:
        text = open(f).read()
    except OSError:
        continue
    for line in text.splitlines():
        m = re.match(r"\s*deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+(\S+)", line)
        if m:
            uris.append((m.group(1), [m.group(2)]))
for f in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in open(f).read().split("\n\n"):
        d = {}
        for line in stanza.splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            k, v = line.split(":", 1)
            d[k.strip().lower()] = v.split()
        if "deb" in d.get("types", []) and d.get("enabled", ["yes"])[0] != "no":
            for u in d.get("uris", []):
                uris.append((u, d.get("suites", [])))
for u, suites in uris:
    if any(s.endswith("-security") for s in suites) or "security" in u:
        continue
    if u.rstrip("/").endswith("/debian"):
        print(u.rstrip("/"))
        break
PY
}

# private_apt SUITE [ARCH]: an apt state of its own for SUITE (deb and
# deb-src of main) in build/apt/SUITE, on the mirror of the system's
# sources, for packages Debian 12 lacks. Sets APT=(apt options). Nothing is
# installed with it and the system's apt configuration is not touched. The
# index is refreshed at most once a day. With ARCH (e.g. arm64), the state
# (build/apt/SUITE-ARCH) also knows ARCH's packages, through
# APT::Architectures only: dpkg's architectures stay as they are.
private_apt() {
	local suite=$1 arch=${2:-} mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	local a=$BUILD_ROOT/apt/$suite${arch:+-$arch}
	mkdir -p "$a/lists/partial" "$a/cache/archives/partial"
	mirror=$(debian_mirror)
	[ -n "$mirror" ] || die "no Debian archive URI in /etc/apt/sources.list{,.d}: cannot reach $suite"
	printf 'deb [signed-by=%s] %s %s main\ndeb-src [signed-by=%s] %s %s main\n' \
		"$keyring" "$mirror" "$suite" "$keyring" "$mirror" "$suite" >"$a/sources.list"
	APT=(-o Dir::Etc::SourceList="$a/sources.list" -o Dir::Etc::SourceParts=/dev/null
	     -o Dir::State::Lists="$a/lists" -o Dir::Cache="$a/cache"
	     -o Dir::State::status=/dev/null -o APT::Architecture=amd64
	     -o APT::Sandbox::User=root -o Debug::NoLocking=1 -q)
	[ -z "$arch" ] || APT+=(-o APT::Architectures::=amd64 -o APT::Architectures::="$arch")
	if [ -z "$(find "$a/lists" -name '*_Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
		say "$suite index from $mirror (private apt state in ${a#"$REPO"/}) ..."
		apt-get "${APT[@]}" update >"$a/update.log" 2>&1 || {
			tail -n 5 "$a/update.log" >&2
			die "apt-get update of $suite failed (log: $a/update.log)"
		}
	fi
}
