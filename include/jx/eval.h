/* eval.h: year-end self-evaluation (绩效自评) and mid-year monitoring (运行监控) of a package against actuals.
 *
 * Ownership: jx_actuals_* results are owned by the jx_actuals (one arena, freed by jx_actuals_free); a jx_evaluation
 * and a jx_monitoring own everything they point to except the package and the actuals, which must outlive them.
 * Rendered output is malloc'ed and owned by the caller. Scores are exact decimals (hundredths of a point), never
 * floating point.
 */
#ifndef JX_EVAL_H
#define JX_EVAL_H

#include "jx/common.h"
#include "jx/model.h"
#include "jx/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The three levels of a qualitative indicator (and of a claim in a report). */
typedef enum jx_level {
	JX_LEVEL_NONE = 0,
	JX_LEVEL_MET,     /* 达成年度指标 */
	JX_LEVEL_PARTLY,  /* 部分达成并具有一定效果 */
	JX_LEVEL_NOT_MET, /* 未达成且效果较差 */
} jx_level;

/* "达成" / "达成年度指标" / "met", "部分达成…" / "partly", "未达成…" / "not-met". Returns 0 or JX_EINVAL. */
int jx_level_parse(const char *s, jx_level *out);
const char *jx_level_zh(jx_level l); /* "达成年度指标", …, or "" */

/* What happened to one indicator. */
typedef struct jx_actual_ind {
	const char *name;    /* the indicator's 三级指标 name, as in the package */
	jx_value actual;     /* 实际完成值, parsed by the value grammar */
	bool has_actual;
	const char *reason;  /* 偏差原因分析及改进措施, or NULL */
	bool has_weight;
	jx_decimal weight;   /* 分值 given for this indicator */
	jx_level level;      /* for qualitative indicators (and as a claim for the others) */
	bool has_score;
	jx_decimal score;    /* a score chosen inside the level's band (qualitative indicators) */
	jx_src src;
} jx_actual_ind;

/* What happened to one project: money and indicators. */
typedef struct jx_actual_project {
	const char *name;     /* matches the project's name (or code) */
	const char *code;
	jx_amount budget_initial; /* 年初预算数 */
	jx_amount budget;         /* 全年预算数 (when absent: the initial budget, then the package's amount) */
	jx_amount spent;          /* 全年执行数, or spent to date when monitoring */
	JX_VEC_OF(jx_actual_ind) indicators;
	jx_src src;
} jx_actual_project;

typedef struct jx_actuals {
	struct jx_arena *arena;
	int year;             /* 0 when not stated */
	const char *as_of;    /* "2025-06-30" for monitoring, or NULL */
	JX_VEC_OF(jx_actual_project) projects;
	const char *file;
} jx_actuals;

/* Reads actuals from canonical JSON (docs/eval.md). Errors (JX_EPARSE, JX_EIO, JX_ENOMEM) name file and place. */
int jx_actuals_from_json(jx_actuals **out, const char *data, size_t len, const char *file);
int jx_actuals_load(jx_actuals **out, const char *path);
void jx_actuals_free(jx_actuals *a);
/* Actuals taken from the package itself, when it was read from published self-evaluations (项目支出绩效自评表):
 * budget, spending and each indicator's 实际完成值, 分值 and reason (and the printed score of qualitative ones).
 * JX_ENOTFOUND when the package holds no actuals. */
int jx_actuals_from_pkg(jx_actuals **out, const jx_pkg *pkg);

/* Scoring settings; jx_eval_config_init gives the usual national method. */
typedef struct jx_eval_config {
	jx_decimal w_budget, w_output, w_effect, w_satisfaction; /* 10, 50, 30, 10 */
	bool cap_budget;             /* 执行率 × 10 capped at the full mark (default true) */
	jx_decimal grade_excellent, grade_good, grade_pass; /* 90, 80, 60: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 */
	int overshoot_percent;       /* 130: an actual at or above this share of its target was set too low */
	jx_decimal band_met_low, band_partly_low, band_partly_high; /* 80, 60, 80 (% of the weight) */
	bool rescale_missing;        /* a level 1 with no indicators: rescale the rest to 100 (default true) */
} jx_eval_config;

void jx_eval_config_init(jx_eval_config *cfg);

/* A remark of the evaluation (missing reason, target set too low, weights that do not add up, …). */
typedef struct jx_eval_note {
	const char *code;    /* "eval.reason-missing", "eval.overshoot", "eval.weights", "eval.claim", "eval.no-actual",
			      * "eval.execution-over", "eval.rescaled", "eval.published-differs" */
	const char *message; /* Chinese */
	jx_src src;
} jx_eval_note;

typedef struct jx_ind_score {
	const jx_indicator *ind;   /* in the package */
	const jx_actual_ind *act;  /* NULL when no actual was given */
	jx_level1 l1;
	jx_decimal weight;         /* 分值 */
	jx_decimal score;          /* 得分, two decimals */
	const char *how;           /* the scoring step by step, Chinese ("22人 ≥ 20人，得满分 8.33") */
} jx_ind_score;

typedef struct jx_project_score {
	const jx_project *project;
	const jx_actual_project *act;
	jx_amount budget, spent;
	bool has_rate;
	jx_decimal rate;            /* 执行率 in %, two decimals */
	jx_decimal budget_score;    /* of w_budget */
	JX_VEC_OF(jx_ind_score) indicators;
	jx_decimal total;           /* out of 100, two decimals */
	const char *grade;          /* "优", "良", "中", "差" */
	int rank;                   /* 1 = best in the department; 0 for the department as a whole */
	JX_VEC_OF(jx_eval_note) notes;
	/* The department as a whole (部门整体支出绩效自评), scored by the same method from the overall target table when
	 * the actuals have an entry named JX_EVAL_OVERALL_NAME; `project` then points at a stand-in project (named after
	 * the overall table) in the evaluation's arena. Not ranked, not in the average. */
	bool overall;
} jx_project_score;

/* The name an actuals entry uses for the department as a whole. */
#define JX_EVAL_OVERALL_NAME "部门整体"

typedef struct jx_evaluation {
	struct jx_arena *arena;
	const jx_pkg *pkg;
	JX_VEC_OF(jx_project_score) projects;
	JX_VEC_OF(jx_eval_note) notes; /* about the actuals as a whole (unmatched projects …) */
	jx_decimal average;            /* mean project total */
} jx_evaluation;

/* Scores every project of `pkg` that has actuals. Bad input — an actual for an indicator or project that does not
 * exist, an actual in the wrong unit, a date outside the year, a qualitative score outside its band — fails with
 * JX_EINVAL and a message naming the place. */
int jx_eval(jx_evaluation **out, const jx_pkg *pkg, const jx_actuals *act, const jx_eval_config *cfg);
void jx_evaluation_free(jx_evaluation *e);

/* ---- monitoring ---- */

typedef enum jx_light {
	JX_LIGHT_NONE = 0, /* nothing to compare */
	JX_LIGHT_RED,      /* < 60% of the expected value */
	JX_LIGHT_YELLOW,   /* 60–80% */
	JX_LIGHT_GREEN,    /* 80–120% */
	JX_LIGHT_BLUE,     /* ≥ 120% */
} jx_light;

const char *jx_light_name(jx_light l); /* "red", … */
const char *jx_light_zh(jx_light l);   /* "红灯", … */

typedef struct jx_monitor_config {
	int red_below, yellow_below, blue_from; /* 60, 80, 120 (% of the expected value) */
} jx_monitor_config;

void jx_monitor_config_init(jx_monitor_config *cfg);

typedef struct jx_ind_progress {
	const jx_indicator *ind;
	const jx_actual_ind *act;
	bool has_ratio;
	jx_decimal expected;  /* the pro-rata target to date, in the indicator's unit */
	jx_decimal ratio;     /* actual / expected in %, one decimal */
	jx_light light;
	const char *how;      /* Chinese explanation */
} jx_ind_progress;

typedef struct jx_project_progress {
	const jx_project *project;
	const jx_actual_project *act;
	jx_decimal expected_percent; /* spending expected by the date (% of the budget) */
	bool has_spending;
	jx_decimal spent_percent;    /* actually spent (% of the budget) */
	jx_decimal spending_ratio;   /* spent / expected in % */
	jx_light spending_light;
	JX_VEC_OF(jx_ind_progress) indicators;
	jx_light worst;              /* the worst light of the project */
	jx_decimal behind;           /* lowest ratio among spending and indicators (sort key) */
} jx_project_progress;

typedef struct jx_monitoring {
	struct jx_arena *arena;
	const jx_pkg *pkg;
	jx_date as_of;
	JX_VEC_OF(jx_project_progress) projects; /* sorted: furthest behind first */
	JX_VEC_OF(jx_eval_note) notes;
} jx_monitoring;

/* Monitors `pkg` at `as_of` (a day of the budget year) with actuals to date. Errors as jx_eval. */
int jx_monitor(jx_monitoring **out, const jx_pkg *pkg, const jx_actuals *act, jx_date as_of,
	       const jx_monitor_config *cfg);
void jx_monitoring_free(jx_monitoring *m);

typedef enum jx_eval_format { JX_EVAL_TEXT = 0, JX_EVAL_JSON, JX_EVAL_HTML, JX_EVAL_XLSX } jx_eval_format;

/* Renders; *out is malloc'ed (NUL-terminated). Returns 0 or JX_ENOMEM / JX_EINVAL (JX_EIO for a workbook that
 * could not be written). XLSX is for the evaluation only. */
int jx_evaluation_render(const jx_evaluation *e, jx_eval_format fmt, char **out, size_t *len);
int jx_monitoring_render(const jx_monitoring *m, jx_eval_format fmt, char **out, size_t *len);

/* Actuals from the workbook `jx template --eval` writes, filled in (XLSX bytes): money per project and each
 * indicator's 实际完成值, 完成等级, 分值, 得分 and reason. Errors: JX_EFORMAT (not an XLSX or not that workbook),
 * JX_EPARSE (a cell that is not what its column needs, with sheet and row), JX_EINVAL (nothing filled in). */
int jx_actuals_from_xlsx(jx_actuals **out, const char *data, size_t len, const char *file);

#ifdef __cplusplus
}
#endif
#endif
