// SPDX-License-Identifier: GPL-2.0
/*
 * Run lib/tests/leb128_kunit.c on the host, through the shim in shim/.
 * The vectors are compiled from the KUnit file itself, not re-typed.
 */
#include "../../lib/tests/leb128_kunit.c"

static int run_one(const char *suite, struct kunit_case *c, const void *param,
		   const char *desc)
{
	struct kunit t = { .param_value = param };
	unsigned int i;

	c->run_case(&t);
	for (i = 0; i < t.nallocs; i++)
		free(t.allocs[i]);
	if (!t.checks) {
		printf("FAIL %s/%s%s%s: no checks ran\n", suite, c->name,
		       desc ? "/" : "", desc ? desc : "");
		return 1;
	}
	if (t.failed) {
		printf("FAIL %s/%s%s%s: %d of %lu checks failed\n", suite,
		       c->name, desc ? "/" : "", desc ? desc : "", t.failed,
		       t.checks);
		return 1;
	}
	printf("PASS %s/%s%s%s\n", suite, c->name, desc ? "/" : "",
	       desc ? desc : "");
	return 0;
}

int main(void)
{
	struct kunit_suite *s = host_kunit_suite;
	struct kunit_case *c;
	int fails = 0;

	for (c = s->test_cases; c->run_case; c++) {
		const void *p = NULL;
		char desc[KUNIT_PARAM_DESC_SIZE];

		if (!c->generate_params) {
			fails += run_one(s->name, c, NULL, NULL);
			continue;
		}
		while ((p = c->generate_params(p, desc)))
			fails += run_one(s->name, c, p, desc);
	}
	return fails ? 1 : 0;
}
