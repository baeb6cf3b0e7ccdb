# SPDX-License-Identifier: GPL-2.0
#
# Host build of scripts/gen_lineinfo outside Kbuild, for the tests and the
# benchmark: the kernel's host flags (KBUILD_HOSTCFLAGS of the top Makefile:
# -Wall -Wmissing-prototypes -Wstrict-prototypes -O2 -fomit-frame-pointer
# -std=gnu11 and the large file flags) plus -Wextra, with the repo's headers
# first. Needs REPO, KTREE and GEN; GEN_EXTRA adds flags (the host tests:
# -Werror and the sanitizers), GEN_EXTRA_<file> flags for one source file.

GEN_CFLAGS := -Wall -Wmissing-prototypes -Wstrict-prototypes -O2 \
	-fomit-frame-pointer -std=gnu11 $(shell getconf LFS_CFLAGS 2>/dev/null) \
	-g -Wextra -Wno-unused-parameter \
	-I$(REPO)/include -I$(KTREE)/tools/include -I$(KTREE)/scripts/include
GEN_NAMES := gen_lineinfo dwarf lines inline encode encode_inline output
GEN_SRCS := $(patsubst %,$(REPO)/scripts/gen_lineinfo/%.c,$(GEN_NAMES))
GEN_OBJS := $(patsubst %,$(GEN)-obj/%.o,$(GEN_NAMES))
GEN_HDRS := $(REPO)/scripts/gen_lineinfo/gen_lineinfo.h \
	$(REPO)/include/linux/lineinfo.h $(REPO)/include/linux/leb128.h

$(GEN)-obj/%.o: $(REPO)/scripts/gen_lineinfo/%.c $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(or $(HOSTCC),gcc) $(GEN_CFLAGS) $(GEN_EXTRA) $(GEN_EXTRA_$*) -c $< -o $@

$(GEN): $(GEN_OBJS)
	$(or $(HOSTCC),gcc) $(GEN_EXTRA) $(GEN_OBJS) -o $@ -ldw -lelf
