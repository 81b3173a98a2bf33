/* value.h: the value grammar. Reads indicator values and amounts as people write them ("≥95%", "≤30.41万元",
 * "16000元/人", "2024年12月31日前", "有效提高", "无") into comparator, exact number, unit and kind.
 *
 * Ownership: jx_value_parse copies nothing; the strings it sets (text, unit, per) point into `arena` when one is
 * given, or into the value's own inline storage otherwise, so a jx_value lives as long as its arena (or itself).
 */
#ifndef JX_VALUE_H
#define JX_VALUE_H

#include "jx/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jx_arena jx_arena;

typedef enum jx_op {
	JX_OP_NONE = 0, /* no comparator written: a plain target */
	JX_OP_GE,       /* ≥ ≧ >= 不低于 不少于 以上 至少 达到 */
	JX_OP_GT,       /* > ＞ 大于 高于 超过 */
	JX_OP_LE,       /* ≤ ≦ <= 不超过 不高于 不多于 以内 以下 之内 前 */
	JX_OP_LT,       /* < ＜ 小于 低于 少于 */
	JX_OP_EQ,       /* = ＝ 等于 */
	JX_OP_APPROX,   /* 约 左右 余 (e.g. "300余名") */
} jx_op;

typedef enum jx_value_kind {
	JX_KIND_EMPTY = 0,      /* nothing written */
	JX_KIND_COUNT,          /* a number with a counting or physical unit: 人, 户, 次, 个, 平米, 项, 天 */
	JX_KIND_NUMBER,         /* a bare number with no unit at all ("1,806.23", "≥ 86519") */
	JX_KIND_PERCENT,        /* "95%", "≥95 %" */
	JX_KIND_MONEY,          /* 元, 万元, 亿元 */
	JX_KIND_MONEY_PER_UNIT, /* "16000元/人", "20元/人/月", "平均每户1800元", "172800元/年" */
	JX_KIND_DATE,           /* a point in time: "2024年12月31日前", "12月底", "≤12月份", "2023年12月" */
	JX_KIND_PERIOD,         /* a span or recurrence: "2024年3至11月", "6至11月", "每月", "2023年全年", "中长期" */
	JX_KIND_QUALITATIVE,    /* a grade or direction: "有效提高", "稳步提升", "合规", "无违规", "好" */
	JX_KIND_PLACEHOLDER,    /* "无", "/", "—", "不适用", "XX" */
	JX_KIND_TEXT,           /* anything else, kept as free text */
} jx_value_kind;

/* A calendar point or span: year 0 = not written; month 0 = whole year; day 0 = whole month. */
typedef struct jx_date {
	int16_t year;
	int8_t month;
	int8_t day;
} jx_date;

typedef struct jx_value {
	const char *text;    /* the original text, trimmed */
	jx_op op;
	jx_value_kind kind;
	bool has_number;
	jx_decimal number;   /* the number as written (in `unit`), exact */
	const char *unit;    /* normalised unit: "%", "人", "万元", "元", "元/人/年"; "" when none */
	/* money and money-per-unit: */
	int64_t fen;         /* the amount in fen when kind is MONEY or MONEY_PER_UNIT, else 0 */
	const char *per;     /* MONEY_PER_UNIT: what the money is per, e.g. "人/年", "户", "人/月"; else NULL */
	/* dates and periods: */
	jx_date from, to;    /* DATE: `to` is the point (and `from` = `to`); PERIOD: the span; zero when not dated */
	bool recurring;      /* PERIOD written as 每月, 每季度, 每年 … */
	/* Storage used when no arena is given (unit and per strings). */
	char inline_buf[48];
} jx_value;

/* Parses `text` (len bytes, UTF-8; full-width digits and punctuation accepted). Never fails on odd text: anything
 * not understood becomes JX_KIND_TEXT. Returns 0, or JX_ERANGE if a number is written but does not fit (then
 * `out` is still a TEXT value), or JX_ENOMEM. `arena` may be NULL. */
int jx_value_parse(jx_value *out, const char *text, size_t len, jx_arena *arena);

const char *jx_op_name(jx_op op);               /* ">=", ">", "<=", "<", "=", "~", or NULL for JX_OP_NONE */
const char *jx_op_symbol(jx_op op);             /* "≥", "＞", "≤", "＜", "＝", "约", or "" */
int jx_op_from_name(const char *name, jx_op *out);
const char *jx_value_kind_name(jx_value_kind k); /* "count", "number", "percent", "money", "money_per_unit", … */
int jx_value_kind_from_name(const char *name, jx_value_kind *out);

/* Money units: fen per unit for "元", "万元", "亿元", "千元"; 0 if `unit` is not money. */
int64_t jx_money_unit_fen(const char *unit);

#ifdef __cplusplus
}
#endif
#endif
