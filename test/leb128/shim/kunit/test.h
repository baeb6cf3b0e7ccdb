/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal host stand-in for <kunit/test.h>: just enough to compile
 * lib/tests/leb128_kunit.c unchanged on the host.  Each test case (or
 * parameter) prints "PASS <suite>/<case>[/<param>]" or "FAIL ...: <why>".
 */
#ifndef _HOST_KUNIT_TEST_H
#define _HOST_KUNIT_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/types.h>

#define KUNIT_PARAM_DESC_SIZE 128

struct kunit {
	const void *param_value;
	int failed;
	unsigned long checks;
	void *allocs[4096];
	unsigned int nallocs;
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
};

struct kunit_suite {
	const char *name;
	struct kunit_case *test_cases;
};

#define KUNIT_CASE(f) { .run_case = f, .name = #f }
#define KUNIT_CASE_PARAM(f, g) { .run_case = f, .name = #f, .generate_params = g }

#define KUNIT_ARRAY_PARAM(name, array, get_desc)				\
	static const void *name##_gen_params(const void *prev, char *desc)	\
	{									\
		typeof((array)[0]) *__next = prev ?				\
			((typeof(__next))prev) + 1 : (array);			\
		if (__next - (array) < (long)ARRAY_SIZE(array)) {		\
			get_desc(__next, desc);					\
			return __next;						\
		}								\
		return NULL;							\
	}

static inline void kunit_fail(struct kunit *t, const char *file, int line,
			      const char *what, long long a, long long b)
{
	if (t->failed++ < 5)
		fprintf(stderr, "  %s:%d: %s (0x%llx vs 0x%llx)\n", file, line,
			what, a, b);
}

#define KUNIT_EXPECT_EQ(t, a, b) do {						\
	long long __a = (long long)(a), __b = (long long)(b);			\
	(t)->checks++;								\
	if (__a != __b)								\
		kunit_fail(t, __FILE__, __LINE__, #a " == " #b, __a, __b);	\
} while (0)
#define KUNIT_EXPECT_PTR_EQ(t, a, b) do {					\
	const void *__a = (a), *__b = (b);					\
	(t)->checks++;								\
	if (__a != __b)								\
		kunit_fail(t, __FILE__, __LINE__, #a " == " #b,		\
			   (long long)(unsigned long)__a,			\
			   (long long)(unsigned long)__b);			\
} while (0)
#define KUNIT_EXPECT_MEMEQ(t, a, b, n) do {					\
	(t)->checks++;								\
	if (memcmp((a), (b), (n)))						\
		kunit_fail(t, __FILE__, __LINE__, "memcmp(" #a ", " #b ")",	\
			   0, 0);						\
} while (0)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(t, p) do {				\
	if (!(p)) {								\
		fprintf(stderr, "allocation failed\n");				\
		exit(2);							\
	}									\
} while (0)

#define GFP_KERNEL 0
static inline void *kunit_kmalloc(struct kunit *t, size_t n, int gfp)
{
	void *p = malloc(n);

	(void)gfp;
	if (p && t->nallocs < sizeof(t->allocs) / sizeof(t->allocs[0]))
		t->allocs[t->nallocs++] = p;
	return p;
}

#define kunit_test_suite(s) struct kunit_suite *host_kunit_suite = &(s)

#endif
