/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host shim for one side of an equivalence test: the original code cut
 * out of the base tree, or the converted code cut out of the applied
 * tree (test/orig/extract.sh). Each side is its own translation unit,
 * built with -DSIDE=orig or -DSIDE=new, so the kernel's static names
 * do not clash; what the test calls is named SIDE_FN(name).
 */
#ifndef LEB128_TEST_SIDE_H
#define LEB128_TEST_SIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/leb128.h>	/* the converted tree's tools/include copy */

#define SIDE_CAT2(a, b) a##_##b
#define SIDE_CAT(a, b) SIDE_CAT2(a, b)
#define SIDE_FN(name) SIDE_CAT(SIDE, name)

#ifndef BIT
#define BIT(n) (1UL << (n))
#endif
#ifndef U32_MAX
#define U32_MAX ((u32)~0U)
#endif
#ifndef fallthrough
#define fallthrough __attribute__((__fallthrough__))
#endif
#define offset_to_ptr(off) ((void *)((unsigned long)(off) + *(off)))
/* the kernels under test are little-endian, like the host */
#define le32_to_cpup(p) (*(const u32 *)(p))
#define cpu_to_le32(x) ((u32)(x))

#endif
