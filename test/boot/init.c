// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the boot test's initramfs: load the test module (its init
 * dumps the stack from nested functions) and the lineinfo KUnit suite,
 * ask every CPU for a backtrace with sysrq-l and reboot, which ends QEMU
 * (it runs with -no-reboot).
 * Static, no libc beyond syscalls, so the initramfs needs nothing else.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/syscall.h>

static void msg(const char *s)
{
	int fd = open("/dev/kmsg", O_WRONLY);

	if (fd >= 0) {
		write(fd, s, strlen(s));
		close(fd);
	}
}

static void load_module(const char *path)
{
	char buf[128];
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0) {
		snprintf(buf, sizeof(buf), "init: loading %s failed\n", path);
		msg(buf);
	}
	if (fd >= 0)
		close(fd);
}

static void sysrq(char c)
{
	int fd = open("/proc/sysrq-trigger", O_WRONLY);

	if (fd >= 0) {
		write(fd, &c, 1);
		close(fd);
	} else {
		msg("init: no /proc/sysrq-trigger\n");
	}
}

int main(void)
{
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("proc", "/proc", "proc", 0, NULL);
	msg("init: boot test start\n");
	load_module("/trace_test.ko");
	load_module("/lineinfo_kunit.ko");
	sysrq('l');
	msg("init: boot test done\n");
	sync();
	reboot(RB_AUTOBOOT);
	return 0;
}
