/* fuzz_value.c: fuzz target for the value grammar: parses the input with and without an arena and checks the
 * invariants every jx_value must hold (kind and op in range, strings set, has_number matching the kind, money in
 * exact fen, dates in range, both storage modes agreeing). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jx/value.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                 \
	do {                        \
		if (!(cond))        \
			abort();    \
	} while (0)

static void check_date(jx_date d)
{
	CHECK(d.month >= 0 && d.month <= 12);
	CHECK(d.day >= 0 && d.day <= 31);
	CHECK(d.year >= 0);
}

static void check_value(const jx_value *v, int rc)
{
	CHECK(rc == 0 || rc == JX_ERANGE);
	CHECK((int)v->kind >= JX_KIND_EMPTY && (int)v->kind <= JX_KIND_TEXT);
	CHECK((int)v->op >= JX_OP_NONE && (int)v->op <= JX_OP_APPROX);
	CHECK(v->text != NULL);
	CHECK(v->unit != NULL);
	CHECK(jx_value_kind_name(v->kind) != NULL);
	if (rc == JX_ERANGE)
		CHECK(v->kind == JX_KIND_TEXT && !v->has_number);
	bool numeric = v->kind == JX_KIND_COUNT || v->kind == JX_KIND_NUMBER || v->kind == JX_KIND_PERCENT ||
		       v->kind == JX_KIND_MONEY || v->kind == JX_KIND_MONEY_PER_UNIT;
	CHECK(v->has_number == numeric);
	if (!numeric)
		CHECK(v->unit[0] == '\0');
	if (v->has_number)
		CHECK(v->number.scale >= 0 && v->number.scale <= 18);
	CHECK(v->kind == JX_KIND_NUMBER ? v->unit[0] == '\0' : true);
	CHECK(v->kind == JX_KIND_COUNT || v->kind == JX_KIND_PERCENT || v->kind == JX_KIND_MONEY ||
			      v->kind == JX_KIND_MONEY_PER_UNIT
		      ? v->unit[0] != '\0'
		      : true);
	CHECK((v->per != NULL) == (v->kind == JX_KIND_MONEY_PER_UNIT));
	if (v->kind == JX_KIND_MONEY || v->kind == JX_KIND_MONEY_PER_UNIT) {
		/* fen = number × the money unit (the part of `unit` before any '/'), exactly */
		char mu[32];
		size_t k = 0;
		while (v->unit[k] && v->unit[k] != '/' && k < sizeof mu - 1) {
			mu[k] = v->unit[k];
			k++;
		}
		mu[k] = '\0';
		int64_t per_unit = jx_money_unit_fen(mu);
		CHECK(per_unit > 0);
		int64_t fen = 0;
		CHECK(jx_decimal_to_fen(&v->number, per_unit, &fen) == 0);
		CHECK(fen == v->fen);
	} else {
		CHECK(v->fen == 0);
	}
	if (v->kind == JX_KIND_DATE) {
		CHECK(memcmp(&v->from, &v->to, sizeof v->from) == 0);
	}
	if (v->kind != JX_KIND_DATE && v->kind != JX_KIND_PERIOD) {
		CHECK(v->from.year == 0 && v->from.month == 0 && v->from.day == 0);
		CHECK(v->to.year == 0 && v->to.month == 0 && v->to.day == 0);
	}
	check_date(v->from);
	check_date(v->to);
	if (v->recurring)
		CHECK(v->kind == JX_KIND_PERIOD);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Copy so that a read past `size` is caught by ASan. */
	char *text = malloc(size ? size : 1);
	if (!text)
		return 0;
	if (size)
		memcpy(text, data, size);

	jx_value a, b;
	int rca = jx_value_parse(&a, text, size, NULL);
	check_value(&a, rca);
	CHECK(a.text >= text && a.text <= text + size);
	if (a.unit[0])
		CHECK(a.unit >= a.inline_buf && a.unit < a.inline_buf + sizeof a.inline_buf);

	jx_arena *arena = jx_arena_new();
	if (arena) {
		int rcb = jx_value_parse(&b, text, size, arena);
		if (rcb != JX_ENOMEM) {
			check_value(&b, rcb);
			/* Both storage modes read the same value. */
			CHECK(rca == rcb);
			CHECK(a.kind == b.kind && a.op == b.op && a.has_number == b.has_number);
			CHECK(a.number.digits == b.number.digits && a.number.scale == b.number.scale);
			CHECK(a.fen == b.fen && strcmp(a.unit, b.unit) == 0);
			CHECK((a.per == NULL) == (b.per == NULL));
			if (a.per)
				CHECK(strcmp(a.per, b.per) == 0);
			CHECK(memcmp(&a.from, &b.from, sizeof a.from) == 0 && memcmp(&a.to, &b.to, sizeof a.to) == 0);
			CHECK(a.recurring == b.recurring);
			/* the arena copy of the text is the trimmed input */
			CHECK(strncmp(b.text, a.text, strlen(b.text)) == 0);
		}
		jx_arena_free(arena);
	}
	free(text);
	return 0;
}
