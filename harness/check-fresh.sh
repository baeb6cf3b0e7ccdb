#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make check-fresh: the README on a fresh Debian 12 machine. A throwaway
# Debian 12 root is made with debootstrap (build/fresh/root), a clean clone
# of this repository's HEAD is copied into it, and the README's two
# commands run there as root: `make demo`, then `make check`. Nothing from
# this machine but the kernel and the network reaches the root, so a
# package that make deps forgets to install fails here.
#
# Ends with the `N passed, N failed` line of the make check inside (plus
# one failure if make demo failed). Takes about as long as a cold make
# demo + make check, plus a few minutes for debootstrap and apt.
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mounts)"
command -v debootstrap >/dev/null || die "no debootstrap: run 'make deps'"

F=$BUILD_ROOT/fresh
root=$F/root
SUITE=${FRESH_SUITE:-bookworm}
mkdir -p "$F/debs"

mounts_under() { findmnt -rn -o TARGET | awk -v r="$1" 'index($0, r "/") == 1' | sort -r; }
unmount_all() {
	local m
	for m in $(mounts_under "$root"); do
		umount "$m" 2>/dev/null || umount -l "$m"
	done
}
remove_root() {
	unmount_all
	# never delete through a mount that is still there (/dev, /proc)
	[ -z "$(mounts_under "$root")" ] || die "mounts left under $root: not removing it"
	rm -rf "$root"
}
trap unmount_all EXIT

[ -z "$(git -C "$REPO" status --porcelain --untracked-files=no)" ] ||
	say "note: uncommitted changes are not tested: the root gets a clone of HEAD ($(git -C "$REPO" rev-parse --short HEAD))"

mirror=$(debian_mirror)
[ -n "$mirror" ] || die "no Debian archive URI in the system's apt sources"

t_all=$SECONDS
remove_root
# A standard root as a fresh install has it, plus what the README assumes
# to clone and run it: git and make.
timed "debootstrap $SUITE into ${root#"$REPO"/}" quiet "$F/debootstrap.log" \
	debootstrap --include=git,make,ca-certificates --cache-dir="$F/debs" \
	"$SUITE" "$root" "$mirror"
t_boot=$((SECONDS - t_all))

cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
deb ${mirror%/debian}/debian-security $SUITE-security main
EOF
# no daemons from package scripts inside the chroot
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# How this machine reaches its mirror is part of the machine, not of the
# project: a mirror that serves a frozen snapshot needs the host's
# Acquire:: settings (Check-Valid-Until "false") to accept its Release
# files, on the host and in the root alike.
for f in /etc/apt/apt.conf.d/*; do
	[ -f "$f" ] && grep -q '^[[:space:]]*Acquire::' "$f" && cp "$f" "$root/etc/apt/apt.conf.d/"
done

mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
mount -t tmpfs -o mode=1777 tmp "$root/tmp"

git clone -q --no-hardlinks "$REPO" "$root/root/leb128-lineinfo"
say "clean clone of $(git -C "$REPO" rev-parse --short HEAD) in the root; running make demo, then make check"

run_in_root() {
	chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		bash -c "cd /root/leb128-lineinfo && $1" </dev/null
}

t0=$SECONDS
demo_rc=0
run_in_root 'make demo' >"$F/demo.log" 2>&1 || demo_rc=$?
t_demo=$((SECONDS - t0))
say "make demo: $t_demo s, exit $demo_rc (log: ${F#"$REPO"/}/demo.log)"
[ $demo_rc = 0 ] || tail -n 30 "$F/demo.log" >&2

t0=$SECONDS
check_rc=0
run_in_root 'make check' >"$F/check.log" 2>&1 || check_rc=$?
t_check=$((SECONDS - t0))
say "make check: $t_check s, exit $check_rc (log: ${F#"$REPO"/}/check.log)"
sed -n '/^===== stage times =====/,$p' "$F/check.log" | grep -v '^[0-9]* passed, [0-9]* failed$' >&2 || true

unmount_all
printf 'fresh root: debootstrap %d s, make demo %d s, make check %d s, total %d s\n' \
	"$t_boot" "$t_demo" "$t_check" $((SECONDS - t_all))
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$F/check.log" | tail -n 1 || true)
passed=${line%% passed*}
failed=${line#*, }
failed=${failed%% failed*}
if [ -z "$line" ]; then
	say "make check printed no result line"
	passed=0 failed=1
fi
[ $demo_rc = 0 ] || failed=$((failed + 1))
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ $check_rc = 0 ]
