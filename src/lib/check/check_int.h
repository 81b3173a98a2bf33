/* check_int.h: what the rule families, the registry and the renderers share inside the library. */
#ifndef JX_CHECK_INT_H
#define JX_CHECK_INT_H

#include "jx/check.h"
#include "util/arena.h"
#include "util/buf.h"

/* Rule ids as an enum, from the registry (rules.def). */
typedef enum jx_rule_id {
#define JX_RULE(sym, id, family, sev, title, msg) R_##sym,
#include "check/rules.def"
#undef JX_RULE
	R__COUNT
} jx_rule_id;

const jx_rule *jx_rule_by_sym(jx_rule_id id);

typedef struct jx_attached {
	const char *file;
	const char *text;
	size_t len;
	uint32_t *line_starts; /* byte offset of each line, 0-based index = line - 1 */
	uint32_t nlines;
} jx_attached;

struct jx_report {
	jx_arena *arena;
	JX_VEC(jx_finding) findings;
	JX_VEC(const char *) packages;
	JX_VEC(jx_attached) sources;
	bool pending_name; /* jx_report_begin was called for the next package */
	bool oom;
};

/* Tolerances and rule settings. */
struct jx_check_config {
	jx_severity *sev;          /* per rule, JX_SEV_OFF .. ERROR; R__COUNT entries */
	bool strict_rounding;      /* no rounding slack at all */
	int cost_share_min;        /* percent: money cost indicators summing below this share of the amount warn */
	int satisfaction_min;      /* percent: satisfaction targets below this are reported as low */
	int short_goal_chars;      /* a 年度目标 shorter than this many characters is too short */
	int long_name_chars;       /* an indicator name longer than this is not concise */
	int copied_min;            /* identical indicator sets of at least this many indicators count as copied */
	char over_names[256];      /* comma-separated name parts that may exceed 100% (增长率, 增幅 …) */
};

/* Reads configuration from INI text; `name` is used in messages. Same errors as jx_check_config_load. */
int jx_check_config_parse(jx_check_config *cfg, const char *text, const char *name);

/* The running check of one package. */
typedef struct jx_cx {
	const jx_pkg *pkg;
	const jx_check_config *cfg;
	jx_report *r;
	int pkg_index;
	jx_arena *tmp; /* scratch for this package, freed after the check */
} jx_cx;

/* Optional parts of a finding. */
typedef struct jx_fargs {
	const char *subject, *item, *detail;
	bool numeric;
	jx_decimal expected, actual;
	const char *unit;
	const char *expected_text, *actual_text;
	jx_money_unit shown_unit;
	int shown_scale;
} jx_fargs;

/* Adds a finding of rule `id` unless the rule is off. Returns false when the rule is off (nothing added). */
bool jx_emit(jx_cx *cx, jx_rule_id id, jx_src src, const jx_fargs *a);
/* Fills numeric fargs for money given in fen, shown in the unit and scale the document printed. */
void jx_fargs_money(jx_fargs *a, int64_t expected_fen, int64_t actual_fen, jx_money_unit shown, int scale);
bool jx_rule_on(const jx_cx *cx, jx_rule_id id);

/* Compares a stated amount with the sum of `nparts` printed parts. Equal: nothing. A difference within what the
 * printed precision explains: one calc.rounding info naming `id`. Otherwise a finding of rule `id`.
 * `ulp_fen` is the value of the last printed digit (10000 fen for 万元 to 0.01; 0 for 元 = no slack).
 * Returns true if anything was reported. */
bool jx_compare_sum(jx_cx *cx, jx_rule_id id, jx_src src, const jx_fargs *a, int64_t stated_fen, int64_t summed_fen,
		    size_t nparts, int64_t ulp_fen);
/* The value of one unit of the last printed digit of an amount (0 when printed in 元: no slack). */
int64_t jx_amount_ulp(const jx_amount *a);

/* Adds a finding as is (renderer tests build reports this way). The strings are copied. */
int jx_report_add(jx_report *r, const jx_finding *f);

/* Small text helpers of the rules (util.c). */
bool jx_has(const char *s, const char *needle);                 /* s contains needle (NULL-safe) */
bool jx_has_any(const char *s, const char *const *needles);     /* NULL-terminated list */
size_t jx_chars(const char *s);                                 /* code points, white space excluded */
bool jx_placeholder_word(const char *s);                        /* 无, /, —, 不适用, 暂无 … */
bool jx_ind_blank(const jx_indicator *ind);  /* a category row left empty: no name (or 无) and no value */
/* A whole-period indicator that repeats a year indicator (same name and value): checked once, as the year's. */
bool jx_ind_repeat(const jx_indicator_vec *v, size_t i);
const char *jx_overall_subject(const jx_pkg *pkg);              /* how findings name the overall table */
bool jx_ind_is_cost(const jx_indicator *ind);                   /* 成本指标 as level 2 or level 1 */

/* The rule families. Each walks the package and emits what it finds. */
void jx_check_complete(jx_cx *cx);
void jx_check_frame(jx_cx *cx);
void jx_check_measure(jx_cx *cx);
void jx_check_calc(jx_cx *cx);
void jx_check_text(jx_cx *cx);
void jx_check_tables(jx_cx *cx);
void jx_check_pkg(jx_cx *cx);

/* Renderers (append to `out`). */
int jx_render_text(const jx_report *r, unsigned flags, jx_buf *out);
int jx_render_json(const jx_report *r, unsigned flags, jx_buf *out);
int jx_render_sarif(const jx_report *r, unsigned flags, jx_buf *out);
int jx_render_html(const jx_report *r, unsigned flags, jx_buf *out);

/* Display helpers for renderers: "1,806.23万元" style numbers of a finding. buf 64 bytes. */
const char *jx_finding_expected_str(const jx_finding *f, char buf[64]);
const char *jx_finding_actual_str(const jx_finding *f, char buf[64]);
const char *jx_finding_diff_str(const jx_finding *f, char buf[64]);
/* Yuan / plain number as JSON would print it ("1806230", "95.5"). buf 40 bytes. */
const char *jx_decimal_plain(const jx_decimal *d, char buf[40]);

#endif
