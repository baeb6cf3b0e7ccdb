# SPDX-License-Identifier: GPL-2.0
#
# leb128-lineinfo: build, test and export the Linux kernel patch series.
# Run `make help` for the targets.

REPO   := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
BUILD  := $(REPO)/build
OUT    := $(REPO)/out
# KBASE=6.12 selects the second base (default: 7.3, see harness/lib.sh).
# KSRC=/path/to/linux uses your own 7.3 or 6.12 git tree instead of
# Debian's linux-source package (a git worktree on a new branch under
# build/, your checkout is never touched); its base is detected.
KBASE  ?=
KSRC   ?=

export REPO OUT KSRC KBASE VMLINUX KO
export PYTHONDONTWRITEBYTECODE := 1

H := $(REPO)/harness

.PHONY: help deps tree series kunit boot boot-kasan boot-llvm gate check demo clean distclean \
	host-test fuzz bench bench-distro cocci coccicheck check-fresh

help:
	@echo 'leb128-lineinfo: a Linux kernel patch series (on 7.3, also kept for 6.12)'
	@echo 'and its harness'
	@echo
	@echo 'Main jobs (run as root on Debian 12; they install what they need):'
	@echo '  demo       build the tree, boot the x86_64, arm64 and riscv64 test kernels in'
	@echo '             QEMU, show what the series does'
	@echo '  check      every test on 7.3 (KUnit on UML, QEMU boots of x86_64, arm64 and riscv64,'
	@echo '             the clang boots, host tests, fuzz, export, gate), then on 6.12 the'
	@echo '             export (git am), the .cocci idempotency, the x86_64 boot test and'
	@echo '             the gate;'
	@echo '             ends with "N passed, N failed"'
	@echo '  check-fresh make demo + make check of a clean clone in a throwaway'
	@echo '             Debian 12 root (debootstrap): proves the README on a fresh'
	@echo '             machine (not yet timed on this version; not part of check)'
	@echo
	@echo 'Steps:'
	@echo '  deps       apt-get install every Debian package the project needs'
	@echo '  tree       base tree + series -> git branch leb128-lineinfo in build/linux'
	@echo '             (build/base-<minor>/linux for another base)'
	@echo '  series     git format-patch the branch with a cover letter into out/series/'
	@echo '             (out/series-<minor>/ for another base)'
	@echo '  kunit      run the KUnit suites of configs/kunit/.kunitconfig on UML'
	@echo '  boot       build the x86_64 test kernel + module, boot it in QEMU, check the log'
	@echo '             (ARCH=arm64 or ARCH=riscv: that architecture, also under TCG)'
	@echo '  boot-llvm  ARCH=arm64: a clang-built kernel with a dynamic shadow call stack,'
	@echo '             patched at boot and module load by the converted SCS patcher;'
	@echo '             ARCH=riscv: a clang-built kernel runs the module-linking KUnit test'
	@echo '             with its ULEB128 relocations (Debian 12'"'"'s binutils lacks them)'
	@echo '  boot-kasan the x86_64 boot test with KASAN, UBSAN and DEBUG_PAGEALLOC: the'
	@echo '             module unload race (lookups on another CPU while a module and its'
	@echo '             init text come and go), the init race (init text lookups and'
	@echo '             backtraces while init memory is freed), the loader corruption classes'
	@echo '  gate       checkpatch --strict, sparse (C=2) and kernel-doc on what the series changes'
	@echo '  cocci      Coccinelle conversions: idempotency, arc/sh/arm/arm64/riscv cross builds'
	@echo '             (W=1, sparse) against the base tree, perf object, equivalence with'
	@echo '             the original codecs, report mode'
	@echo '  coccicheck report mode of scripts/coccinelle/leb128.cocci: the codecs left to convert'
	@echo '  host-test  on the host: the tools/ copies identical to the kernel files; the'
	@echo '             LEB128 API (KUnit vectors, LLVM differential test, a short fuzz run);'
	@echo '             gen_lineinfo (ASan, UBSan, -Werror) and the lookup against libdw and'
	@echo '             llvm-symbolizer on test programs and on the boot kernels and their'
	@echo '             module that are built, gen_lineinfo errors, warnings, determinism'
	@echo '             and assembly output, a short fuzz run of the lookup'
	@echo '  fuzz       longer libFuzzer runs (FUZZ_SECONDS=300)'
	@echo '  bench      benchmarks (not tests): ratios and callgrind instruction counts'
	@echo '  bench-distro  lineinfo vs libdw and its benchmark on Debian'"'"'s distribution'
	@echo '             vmlinux and ext4.ko of amd64 and arm64, side by side (downloads'
	@echo '             linux-image-amd64-dbg and linux-image-arm64-dbg, ~1.7 GB)'
	@echo '  clean      remove out/ and what builds and tests write in build/ (kernel,'
	@echo '             boot, host test and benchmark builds, results, logs); keep the'
	@echo '             kernel trees, apt state, ccache, the sparse built for 7.3,'
	@echo '             bench-distro'"'"'s downloads and check-fresh'"'"'s root'
	@echo '  distclean  remove build/ and out/ entirely'
	@echo
	@echo 'Variables:'
	@echo '  KBASE=6.12           the second base: Debian 12'"'"'s linux-source-6.12 (default 7.3:'
	@echo '                       linux-source-7.3 from trixie-backports, private apt state)'
	@echo '  KSRC=/path/to/linux  your own 7.3 or 6.12 git tree instead (base detected)'
	@echo '  KREV=<rev>           with KSRC: the revision to base on (default HEAD)'
	@echo '  V=1                  show full build output'

deps:
	@$(H)/deps.sh

tree: deps
	@$(H)/tree.sh

series: tree
	@$(H)/series.sh

kunit: tree
	@$(H)/kunit.sh

# ARCH=arm64 or ARCH=riscv boots that architecture instead of x86_64.
boot: tree
	@BOOT_ARCH=$(ARCH) $(H)/boot.sh

# clang-built arm64 or riscv kernel (configs/<arch>/llvm.config)
boot-llvm: tree
	@BOOT_LLVM=1 BOOT_ARCH=$(or $(filter arm64 riscv,$(ARCH)),arm64) $(H)/boot.sh

# x86_64 with KASAN and UBSAN (configs/x86/kasan.config), plus the
# unload race test
boot-kasan: tree
	@BOOT_KASAN=1 $(H)/boot.sh

gate: tree
	@$(H)/gate.sh

cocci: tree
	@$(H)/cocci.sh

coccicheck: tree
	@$(H)/coccicheck.sh

host-test: tree
	@$(H)/host-test.sh

fuzz: tree
	@$(H)/fuzz.sh

# VMLINUX=/path [KO=/path] benchmarks lineinfo on any image with DWARF
# (default: the boot test's build, made by `make boot`).
bench: tree
	@$(H)/bench.sh

# the same on Debian's distribution kernels of amd64 and arm64 (downloads
# linux-image-amd64-dbg and linux-image-arm64-dbg)
bench-distro: tree
	@$(H)/distro.sh

check: deps
	@$(H)/check.sh

demo: deps
	@$(H)/demo.sh

check-fresh: deps
	@$(H)/check-fresh.sh

# What the builds and tests write in build/ and in each build/base-<minor>/:
# the kernel builds (also the demo's builds without lineinfo for the size
# figures, and the cocci stages' cross builds), the boot test outputs, the
# host test and benchmark builds, results and logs. Not listed, so kept:
# the kernel trees (linux, linux-base, ksrc), and at the top of build/ the
# apt state, the ccache, the sparse built for 7.3 (tools), bench-distro's
# downloads (distro), check-fresh's root (fresh) and the build lock.
CLEAN_BUILD := kunit x86 x86-kasan arm64 riscv arm64-llvm riscv-llvm \
	x86-nolineinfo arm64-nolineinfo riscv-nolineinfo \
	boot boot-kasan boot-arm64 boot-riscv boot-arm64-llvm boot-riscv-llvm \
	arc arc-base sh sh-base arm arm-base arm64-scs arm64-scs-base \
	riscv-mod riscv-mod-base perf host bench cocci gate series-test results \
	demo-boot-*.out spatch.log apt.log

clean:
	for d in $(BUILD) $(wildcard $(BUILD)/base-*); do \
		[ -d $$d ] || continue; \
		(cd $$d && rm -rf $(CLEAN_BUILD)) || exit 1; done
	rm -rf $(OUT)

distclean:
	@if [ -n "$(KSRC)" ]; then for w in $(BUILD)/ksrc $(wildcard $(BUILD)/base-*/ksrc); do \
		[ -e $$w ] && git -C "$(KSRC)" worktree remove --force $$w; done; true; fi
	rm -rf $(BUILD) $(OUT)
