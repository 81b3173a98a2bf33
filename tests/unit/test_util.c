/* test_util.c: the utility layer: arena, buffer, exact decimals and fen, UTF-8, atomic files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jx/common.h"
#include "testutil.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/utf8.h"

static void test_arena_alloc_and_strings(void **state)
{
	(void)state;
	jx_arena *a = jx_arena_new();
	assert_non_null(a);
	char *s = jx_arena_strdup(a, "残疾人康复");
	assert_string_equal(s, "残疾人康复");
	char *p = jx_arena_printf(a, "%d-%s", 59, "泽州");
	assert_string_equal(p, "59-泽州");
	/* Many small and some large allocations, all distinct and aligned. */
	void *prev = NULL;
	for (int i = 0; i < 5000; i++) {
		void *q = jx_arena_alloc(a, (size_t)(i % 97) + 1);
		assert_non_null(q);
		assert_int_equal((uintptr_t)q % 16, 0);
		assert_ptr_not_equal(q, prev);
		prev = q;
	}
	void *big = jx_arena_zalloc(a, 200000);
	assert_non_null(big);
	assert_int_equal(((unsigned char *)big)[199999], 0);
	assert_true(jx_arena_used(a) > 200000);
	jx_arena_free(a);
}

static void test_arena_cap(void **state)
{
	(void)state;
	jx_arena *a = jx_arena_new();
	jx_arena_set_cap(a, 1024);
	assert_non_null(jx_arena_alloc(a, 512));
	assert_null(jx_arena_alloc(a, 1024));
	assert_null(jx_arena_calloc(a, SIZE_MAX / 2, 4)); /* overflow */
	jx_arena_free(a);
}

static void test_vec_push(void **state)
{
	(void)state;
	jx_arena *a = jx_arena_new();
	JX_VEC(int) v = {0};
	for (int i = 0; i < 1000; i++) {
		int *x = jx_vec_push(a, &v);
		assert_non_null(x);
		assert_int_equal(*x, 0);
		*x = i * 3;
	}
	assert_int_equal(v.n, 1000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v.v[i], i * 3);
	jx_arena_free(a);
}

static void test_buf(void **state)
{
	(void)state;
	jx_buf b = JX_BUF_INIT;
	assert_string_equal(jx_buf_cstr(&b), "");
	assert_int_equal(jx_buf_puts(&b, "合计"), 0);
	assert_int_equal(jx_buf_printf(&b, " %d", 1806), 0);
	assert_string_equal(jx_buf_cstr(&b), "合计 1806");
	assert_int_equal(b.len, strlen("合计 1806"));
	jx_buf_release(&b);

	jx_buf c;
	jx_buf_init(&c, 8);
	assert_int_equal(jx_buf_puts(&c, "12345678"), 0);
	assert_int_equal(jx_buf_putc(&c, '9'), JX_ELIMIT);
	assert_int_equal(c.len, 8);
	size_t len;
	char *d = jx_buf_detach(&c, &len);
	assert_int_equal(len, 8);
	assert_string_equal(d, "12345678");
	free(d);
}

struct dec_case {
	const char *in;
	int consumed;
	int64_t digits;
	int32_t scale;
};

static void test_decimal_parse(void **state)
{
	(void)state;
	static const struct dec_case cases[] = {
		{"1806.23", 7, 180623, 2},
		{"1,806.23", 8, 180623, 2},
		{"2,199,500", 9, 2199500, 0},
		{"190,000元", 7, 190000, 0},
		{"17.00", 5, 1700, 2},
		{"0.18", 4, 18, 2},
		{"95%", 2, 95, 0},
		{"-3.5", 4, -35, 1},
		{"１８０６．２３", 21, 180623, 2}, /* full-width digits and point, 3 bytes each */
		{"12.", 2, 12, 0},                 /* a point not followed by a digit is not part of the number */
		{"3人*15000", 1, 3, 0},
		{"0", 1, 0, 0},
		{"1,80", 1, 1, 0},                 /* a bad group stops the number before the comma */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		jx_decimal d = {0, 0};
		int n = jx_decimal_parse(&d, cases[i].in, strlen(cases[i].in));
		if (n != cases[i].consumed || d.digits != cases[i].digits || d.scale != cases[i].scale)
			fail_msg("%s: consumed %d digits %lld scale %d", cases[i].in, n, (long long)d.digits, d.scale);
	}
	jx_decimal d;
	assert_int_equal(jx_decimal_parse(&d, "abc", 3), 0);
	assert_int_equal(jx_decimal_parse(&d, "", 0), 0);
	assert_int_equal(jx_decimal_parse(&d, "99999999999999999999999", 23), JX_ERANGE);
}

static void test_decimal_format_cmp(void **state)
{
	(void)state;
	char buf[32];
	jx_decimal a = {3041, 2}, b = {5, 0}, c = {-7, 3}, z = {0, 2};
	assert_string_equal(jx_decimal_format(&a, buf), "30.41");
	assert_string_equal(jx_decimal_format(&b, buf), "5");
	assert_string_equal(jx_decimal_format(&c, buf), "-0.007");
	assert_string_equal(jx_decimal_format(&z, buf), "0.00");
	jx_decimal x = {304100, 4};
	assert_int_equal(jx_decimal_cmp(&a, &x), 0);
	jx_decimal y = {3042, 2};
	assert_true(jx_decimal_cmp(&a, &y) < 0);
	assert_true(jx_decimal_cmp(&y, &a) > 0);
	jx_decimal r = {1700, 2};
	assert_int_equal(jx_decimal_rescale(&r, 0), 0);
	assert_int_equal(r.digits, 17);
	jx_decimal s = {1725, 2};
	assert_int_equal(jx_decimal_rescale(&s, 1), JX_EINVAL);
	jx_decimal m = {INT64_MAX / 10, 0};
	assert_int_equal(jx_decimal_rescale(&m, 2), JX_ERANGE);
}

static void test_decimal_to_fen(void **state)
{
	(void)state;
	int64_t fen;
	jx_decimal wan = {3041, 2}; /* 30.41 万元 */
	assert_int_equal(jx_decimal_to_fen(&wan, 1000000, &fen), 0);
	assert_int_equal(fen, 30410000);
	jx_decimal yuan = {190000, 0};
	assert_int_equal(jx_decimal_to_fen(&yuan, 100, &fen), 0);
	assert_int_equal(fen, 19000000);
	jx_decimal cents = {1234, 2}; /* 12.34 元 */
	assert_int_equal(jx_decimal_to_fen(&cents, 100, &fen), 0);
	assert_int_equal(fen, 1234);
	jx_decimal sub = {12345, 3}; /* 12.345 元 is not a whole number of fen */
	assert_int_equal(jx_decimal_to_fen(&sub, 100, &fen), JX_EINVAL);
	jx_decimal huge = {INT64_MAX / 100, 0};
	assert_int_equal(jx_decimal_to_fen(&huge, 1000000, &fen), JX_ERANGE);
	jx_decimal small_wan = {123456, 6}; /* 0.123456 万元 = 1234.56 元 */
	assert_int_equal(jx_decimal_to_fen(&small_wan, 1000000, &fen), 0);
	assert_int_equal(fen, 123456);
}

static void test_utf8(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(jx_utf8_decode("合", 3, &cp), 3);
	assert_int_equal(cp, 0x5408);
	assert_int_equal(jx_utf8_decode("\xE5\x90", 2, &cp), 1); /* truncated */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(jx_utf8_width("合计 12", strlen("合计 12")), 7);
	assert_int_equal(jx_utf8_width("≥95%", strlen("≥95%")), 4);
	size_t bad = 0;
	assert_true(jx_utf8_valid("残联", 6, &bad));
	assert_false(jx_utf8_valid("ab\xFF", 3, &bad));
	assert_int_equal(bad, 2);
	assert_int_equal(jx_utf8_fold(0xFF05), '%');
	assert_int_equal(jx_utf8_fold(0x3000), ' ');
	const char *s = "\u3000 残疾人\t ";
	size_t len = strlen(s);
	const char *t = jx_utf8_trim(s, &len);
	assert_int_equal(len, strlen("残疾人"));
	assert_memory_equal(t, "残疾人", len);
	char out[4];
	assert_int_equal(jx_utf8_encode(0x20AC, out), 3);
	assert_memory_equal(out, "\xE2\x82\xAC", 3);
}

static void test_file_atomic(void **state)
{
	(void)state;
	char dir[] = "/tmp/jxtestXXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/out.json", dir);
	assert_int_equal(jx_file_write_atomic(path, "{\"a\":1}\n", 8), 0);
	char *data;
	size_t len;
	assert_int_equal(jx_file_read(&data, &len, path, 0), 0);
	assert_int_equal(len, 8);
	assert_string_equal(data, "{\"a\":1}\n");
	free(data);
	assert_int_equal(jx_file_read(&data, &len, dir, 0), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "目录"));
	assert_int_equal(jx_file_read(&data, &len, path, 4), JX_ELIMIT);
	char missing[300];
	snprintf(missing, sizeof missing, "%s/none", dir);
	assert_int_equal(jx_file_read(&data, &len, missing, 0), JX_EIO);
	assert_non_null(strstr(jx_error_last(), missing));
	/* A write into a missing directory fails and leaves nothing behind. */
	char bad[300];
	snprintf(bad, sizeof bad, "%s/no/such/file", dir);
	assert_int_equal(jx_file_write_atomic(bad, "x", 1), JX_EIO);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_alloc_and_strings),
		cmocka_unit_test(test_arena_cap),
		cmocka_unit_test(test_vec_push),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_decimal_parse),
		cmocka_unit_test(test_decimal_format_cmp),
		cmocka_unit_test(test_decimal_to_fen),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_file_atomic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
