// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the boot test's initramfs: load the test module (its init
 * dumps the stack from nested functions), the lineinfo KUnit suite and
 * the modules listed in /modules (one path per line), ask every CPU for
 * a backtrace with sysrq-l, then load each copy of the test module with
 * a corrupted line table listed in /corrupt/classes
 * (test/boot/corrupt-lineinfo.py), and reboot, which ends QEMU (it runs
 * with -no-reboot). A module or list the initramfs does not have is
 * skipped: the log checkers know what each boot must show.
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

/* a, b and c as one kernel log line: each write to /dev/kmsg is a line */
static void msg3(const char *a, const char *b, const char *c)
{
	static char line[256];
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);

	if (la + lb + lc >= sizeof(line)) {
		msg(a);
		return;
	}
	memcpy(line, a, la);
	memcpy(line + la, b, lb);
	memcpy(line + la + lb, c, lc + 1);
	msg(line);
}

static int load_module(const char *path)
{
	int fd = open(path, O_RDONLY), ret = -1;

	if (fd >= 0)
		ret = syscall(__NR_finit_module, fd, "", 0);
	if (ret)
		msg3("init: loading ", path, " failed\n");
	if (fd >= 0)
		close(fd);
	return ret;
}

/* load_module() for a file the initramfs may not have */
static void load_if_present(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return;
	close(fd);
	load_module(path);
}

/* Every module listed in /modules, in order. */
static void load_listed(void)
{
	static char list[1024];
	char *p, *end;
	int fd = open("/modules", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, list, sizeof(list) - 1) : -1;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return;
	list[n] = '\0';
	for (p = list; *p; p = end + 1) {
		end = strchr(p, '\n');
		if (end)
			*end = '\0';
		if (*p)
			load_module(p);
		if (!end)
			break;
	}
}

static void unload(const char *name)
{
	if (syscall(__NR_delete_module, name, O_NONBLOCK) != 0)
		msg3("init: unloading ", name, " failed\n");
}

/*
 * Every copy in /corrupt/classes (one "class<TAB>..." line each), after
 * the undamaged control copy; each replaces the one loaded before.
 */
static void load_corrupt_copies(void)
{
	static char list[4096], path[128];
	char *p, *end;
	int fd = open("/corrupt/classes", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, list, sizeof(list) - 1) : -1;

	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		msg("init: no /corrupt/classes\n");
		return;
	}
	list[n] = '\0';
	msg("init: corrupt tables start\n");
	unload("trace_test");
	msg("init: corrupt intact\n");
	load_module("/corrupt/intact.ko");
	for (p = list; *p; p = end + 1) {
		end = strchr(p, '\n');
		if (!end)
			break;
		*end = '\0';
		if (strchr(p, '\t'))
			*strchr(p, '\t') = '\0';
		if (strlen(p) + 20 > sizeof(path))
			continue;
		unload("trace_test");
		msg3("init: corrupt ", p, "\n");
		strcpy(path, "/corrupt/");
		strcpy(path + strlen(path), p);
		strcpy(path + strlen(path), ".ko");
		load_module(path);
	}
	unload("trace_test");
	msg("init: corrupt tables done\n");
}

/*
 * The unload race (only in the initramfs of the KASAN boot): while
 * lineinfo_race.ko looks up addresses of lineinfo_race_target from
 * another CPU, load and unload the target for RACE_SECONDS.
 */
#define RACE_SECONDS	10

/* seconds of CLOCK_MONOTONIC (nolibc's time() trips -Werror on riscv) */
static long now(void)
{
	struct timespec ts = { 0 };

	syscall(__NR_clock_gettime, CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void race(void)
{
	unsigned long n = 0, cpu0 = 1;
	char num[24];
	long end;
	int i;

	i = open("/race/lineinfo_race.ko", O_RDONLY);
	if (i < 0)
		return;
	close(i);
	msg("init: race start\n");
	/* stay on CPU 0: the lookups run on the last CPU */
	if (syscall(__NR_sched_setaffinity, 0, sizeof(cpu0), &cpu0))
		msg("init: cannot pin to CPU 0\n");
	if (load_module("/race/lineinfo_race.ko"))
		return;
	end = now() + RACE_SECONDS;
	while (now() < end) {
		if (load_module("/race/lineinfo_race_target.ko"))
			break;
		unload("lineinfo_race_target");
		n++;
	}
	unload("lineinfo_race");
	i = sizeof(num) - 1;
	num[i] = '\0';
	do {
		num[--i] = '0' + n % 10;
		n /= 10;
	} while (n && i);
	msg3("init: race done, iterations ", num + i, "\n");
}

/*
 * The init race test (lib/tests/lineinfo_init_race.c, built in only in
 * the KASAN boot) has run since before init memory was freed: stop it.
 */
static void stop_init_race(void)
{
	int fd = open("/sys/module/lineinfo_init_race/parameters/stop", O_WRONLY);

	if (fd < 0)
		return;
	if (write(fd, "1", 1) != 1)
		msg("init: stopping lineinfo_init_race failed\n");
	else
		msg("init: init race stopped\n");
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
	mkdir("/sys", 0755);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	msg("init: boot test start\n");
	stop_init_race();
	load_if_present("/trace_test.ko");
	load_if_present("/lineinfo_kunit.ko");
	load_listed();
	sysrq('l');
	load_corrupt_copies();
	race();
	msg("init: boot test done\n");
	syscall(__NR_sync);
	reboot(LINUX_REBOOT_CMD_RESTART);
	return 0;
}
