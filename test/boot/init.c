// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the boot test's initramfs: load the test module (its init
 * dumps the stack from nested functions) and the lineinfo KUnit suite,
 * ask every CPU for a backtrace with sysrq-l and reboot, which ends QEMU
 * (it runs with -no-reboot).
 *
 * Built against the kernel's own tools/include/nolibc for every
 * architecture (harness/boot.sh: -nostdlib -include nolibc.h), so no
 * cross C library is needed. Only what nolibc has on 6.12 and 7.3 is
 * used; the rest goes through syscall numbers.
 */

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
	int fd = open(path, O_RDONLY);

	if (fd < 0 || syscall(__NR_finit_module, fd, "", 0) != 0) {
		msg("init: loading ");
		msg(path);
		msg(" failed\n");
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
	syscall(__NR_sync);
	reboot(LINUX_REBOOT_CMD_RESTART);
	return 0;
}
