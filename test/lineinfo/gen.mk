# SPDX-License-Identifier: GPL-2.0
#
# Host build of scripts/gen_lineinfo outside Kbuild, for the tests and the
# benchmark: the same flags as the kernel build (scripts/gen_lineinfo/Makefile)
# with the repo's headers first. Needs REPO, KTREE and GEN.

GEN_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-I$(REPO)/include -I$(KTREE)/tools/include -I$(KTREE)/scripts/include
GEN_SRCS := $(addprefix $(REPO)/scripts/gen_lineinfo/, \
	gen_lineinfo.c dwarf.c lines.c inline.c encode.c encode_inline.c \
	output.c)

$(GEN): $(GEN_SRCS) $(REPO)/scripts/gen_lineinfo/gen_lineinfo.h \
		$(REPO)/include/linux/lineinfo.h $(REPO)/include/linux/leb128.h
	@mkdir -p $(dir $@)
	$(or $(HOSTCC),gcc) $(GEN_CFLAGS) $(GEN_SRCS) -o $@ -ldw -lelf
