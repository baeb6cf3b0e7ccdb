# SPDX-License-Identifier: GPL-2.0
#
# Host build of scripts/gen_lineinfo outside Kbuild, for the tests and the
# benchmark: the same flags as the kernel build (scripts/gen_lineinfo/Makefile)
# with the repo's headers first. Needs REPO, KTREE and GEN.

GEN_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-I$(REPO)/include -I$(KTREE)/tools/include

$(GEN): $(REPO)/scripts/gen_lineinfo/gen_lineinfo.c $(REPO)/include/linux/lineinfo.h \
		$(REPO)/include/linux/leb128.h
	@mkdir -p $(dir $@)
	$(or $(HOSTCC),gcc) $(GEN_CFLAGS) $< -o $@ -ldw -lelf
