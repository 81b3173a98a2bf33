/* model.h: one budget package (one department, one year) in memory.
 *
 * Ownership: a jx_pkg owns one arena; every string, array and nested struct reachable from it is allocated there.
 * jx_pkg_free frees everything at once. Never free() anything you reach through a package. To add to a package
 * use jx_pkg_strdup / jx_vec_push with pkg->arena (see src/util/arena.h).
 *
 * Arrays are {v, n, cap} triples (JX_VEC); iterate `for (size_t i = 0; i < x.n; i++) x.v[i]`.
 * Every value that came from a document has a jx_src saying where.
 */
#ifndef JX_MODEL_H
#define JX_MODEL_H

#include "jx/common.h"
#include "jx/value.h"

#ifdef __cplusplus
extern "C" {
#endif

#define JX_VEC_OF(type) struct { type *v; size_t n, cap; }

/* Money units amounts are printed in. The unit and the printed decimals decide what counts as rounding. */
typedef enum jx_money_unit {
	JX_MU_NONE = 0,
	JX_MU_YUAN,     /* 元 */
	JX_MU_WANYUAN,  /* 万元 */
	JX_MU_QIANYUAN, /* 千元 */
	JX_MU_YIYUAN,   /* 亿元 */
} jx_money_unit;

/* An exact amount of money with how it was printed. `present` is false for a blank cell. */
typedef struct jx_amount {
	bool present;
	int64_t fen;        /* exact, in fen (分) */
	jx_money_unit unit; /* unit it was printed in */
	int8_t scale;       /* decimals printed (2 for "30.41", 0 for "190,000") */
	const char *text;   /* as printed, e.g. "1,806.23" or "19.00" */
	jx_src src;
} jx_amount;

/* A text field with its source. */
typedef struct jx_text {
	const char *s; /* NULL when absent */
	jx_src src;
} jx_text;

/* Level-1 and level-2 categories of the three-level indicator framework (三级指标体系). */
typedef enum jx_level1 {
	JX_L1_UNKNOWN = 0,
	JX_L1_OUTPUT,       /* 产出指标 */
	JX_L1_EFFECT,       /* 效益指标 */
	JX_L1_SATISFACTION, /* 满意度指标 */
	JX_L1_COST,         /* 成本指标 (a level 1 of its own in newer guidance) */
} jx_level1;

typedef enum jx_level2 {
	JX_L2_UNKNOWN = 0,
	JX_L2_QUANTITY,      /* 数量指标 */
	JX_L2_QUALITY,       /* 质量指标 */
	JX_L2_TIMELINESS,    /* 时效指标 */
	JX_L2_COST,          /* 成本指标 (under 产出) */
	JX_L2_ECONOMIC,      /* 经济效益指标 */
	JX_L2_SOCIAL,        /* 社会效益指标 */
	JX_L2_ECOLOGICAL,    /* 生态效益指标 */
	JX_L2_SUSTAINABLE,   /* 可持续影响指标 */
	JX_L2_SATISFACTION,  /* 服务对象满意度指标 (and 社会公众及服务对象满意度指标) */
	JX_L2_ECON_COST,     /* 经济成本指标 (under 成本 as level 1) */
	JX_L2_SOCIAL_COST,   /* 社会成本指标 */
	JX_L2_ECO_COST,      /* 生态环境成本指标 */
} jx_level2;

/* What the importer repaired on an indicator, so the checker can report it. */
enum {
	JX_REPAIR_L1_INFERRED = 1u << 0,  /* level-1 cell blank: taken from the level 2 */
	JX_REPAIR_L1_OCR = 1u << 1,       /* level-1 name matched approximately (OCR noise) */
	JX_REPAIR_L2_OCR = 1u << 2,       /* level-2 name matched approximately */
	JX_REPAIR_L1_CONFLICT = 1u << 3,  /* level 1 as written does not hold this level 2; corrected */
	JX_REPAIR_NAME_JOINED = 1u << 4,  /* name was split over lines or cells and joined */
	JX_REPAIR_L2_INFERRED = 1u << 5,  /* level-2 cell blank: continued from the row above */
};

/* Which goal an indicator belongs to. */
typedef enum jx_scope {
	JX_SCOPE_YEAR = 0, /* 年度 (the default) */
	JX_SCOPE_PERIOD,   /* 实施期 (whole period) */
} jx_scope;

typedef struct jx_indicator {
	jx_level1 l1;
	jx_level2 l2;
	const char *level1;   /* canonical name ("产出指标"), or as written when unknown */
	const char *level2;   /* canonical name ("数量指标"), or as written when unknown */
	const char *level1_text, *level2_text; /* exactly as written (may differ: OCR, short forms); NULL if blank */
	const char *name;     /* level-3 name (三级指标 / 绩效内容) */
	const char *desc;     /* 绩效指标描述 / 指标解释, or NULL */
	jx_value value;       /* 指标值, parsed */
	const char *basis;    /* 指标值确定依据, or NULL */
	const char *standard; /* 绩效标准 (计划标准 / 历史标准 / 行业标准 …), or NULL */
	jx_scope scope;
	int goal;             /* index (1-based) of the overall goal it measures (整体 tables), 0 if none */
	unsigned repairs;     /* JX_REPAIR_* */
	jx_src src;
	/* Year-end evaluation (filled by jx eval later). */
	bool has_actual;
	jx_value actual;
	jx_decimal weight, score; /* zero scale 0 when unset */
	const char *reason;       /* 偏差原因分析及改进措施 */
} jx_indicator;

typedef JX_VEC_OF(jx_indicator) jx_indicator_vec;

/* A funding part of a project (财政资金 / 其他资金, or 中央 / 省级 / 市县 / 单位自筹 / 其他). */
typedef struct jx_funding {
	const char *source;   /* canonical: "财政资金", "其他资金", "中央财政资金", "省级财政资金", "市县财政资金", "单位自筹", … */
	jx_amount total;      /* whole period (实施期), if given */
	jx_amount year;       /* this year (年度) */
	jx_src src;
} jx_funding;

/* A point of the spending schedule: cumulative percent by the end of `month`. */
typedef struct jx_schedule_point {
	const char *label; /* "3月底" */
	int month;         /* 3 */
	jx_decimal percent;
	bool present;
	jx_src src;
} jx_schedule_point;

/* An expenditure line (支出明细及测算). */
typedef struct jx_line {
	const char *name;   /* 支出内容 / 支出明细 */
	const char *detail; /* 支出明细 when a separate column */
	jx_amount amount;
	const char *calc;   /* 测算依据及过程说明 */
	jx_src src;
} jx_line;

/* A legal or policy basis; `doc_no` is the document number found in it ("唐财社[2023]19号"), or NULL. */
typedef struct jx_basis {
	const char *text;
	const char *doc_no;
	jx_src src;
} jx_basis;

typedef struct jx_project {
	const char *name;
	jx_src src;            /* where the project's table starts */
	const char *code;      /* 项目编码 */
	const char *attribute; /* 项目属性 as written: "一年期项目", "一次性项目（1年结束）", "经常性", "持续性" */
	const char *duration;  /* 项目期 / 项目期限 / 项目实施期 as written: "1年", "99年", "2023年度" */
	const char *supervisor;      /* 主管部门 */
	const char *supervisor_code; /* "059" from "059-…" */
	const char *implementer;     /* 实施单位 */
	const char *office;          /* 资金主管处（科、股）室 */
	const char *unit_label;      /* the table's own unit line ("单位：万元"), or NULL */
	const char *fund;            /* 所属专项 (special fund the direction belongs to), or NULL */
	const char *category;        /* 其他运转类 / 特定目标类 when stated */
	jx_amount amount;            /* this year's amount (预算数 / 项目年度金额 / 年度资金总额 / 项目金额) */
	jx_amount amount_total;      /* whole period (实施期资金总额), if given */
	/* From a published self-evaluation (项目支出绩效自评表): 年初预算数, 全年预算数, 全年执行数, and the scores it
	 * printed (zero scale 0 when absent). */
	jx_amount budget_initial, budget_full, spent;
	jx_decimal score_budget, score_total;
	JX_VEC_OF(jx_funding) funding;
	JX_VEC_OF(jx_schedule_point) schedule;
	jx_text usage;     /* 资金用途 */
	jx_text overview;  /* 项目概况 */
	JX_VEC_OF(jx_basis) basis; /* 立项依据 */
	jx_text necessity; /* 项目设立必要性 */
	jx_text measures;  /* 保证项目实施的制度、措施 */
	jx_text plan;      /* 项目实施计划 */
	jx_text goal_total; /* 实施期目标 / 总体目标 (whole period) */
	jx_text goal_year;  /* 年度目标 / 绩效目标 */
	jx_indicator_vec indicators;
	JX_VEC_OF(jx_line) lines;
} jx_project;

/* A department-wide work task (主要工作任务 / 年度重点任务) with its amounts by type. */
typedef struct jx_task {
	const char *no;    /* "1", "事项1", or NULL */
	const char *name;  /* the task */
	const char *function; /* 核心职能, when the table pairs functions with tasks */
	const char *unit;  /* 责任单位/科室 */
	jx_amount total, basic, project, other; /* 总额 / 基本支出 / 项目支出 / 其他资金 */
	jx_src src;
} jx_task;

typedef struct jx_goal {
	const char *no;    /* "1", "目标1" */
	const char *text;
	const char *task;  /* 对应工作任务 ("任务1") */
	jx_src src;
} jx_goal;

/* A named amount in the overall budget (按资金来源 / 按资金方向 / 按收入性质 …). */
typedef struct jx_named_amount {
	const char *group; /* "source" (按资金来源/按收入性质) or "direction" (按资金方向/按支出性质) */
	const char *name;  /* "一般公共预算", "基本支出", "合计" … */
	jx_amount amount;
	jx_src src;
} jx_named_amount;

typedef struct jx_overall {
	bool present;
	jx_src src;
	const char *title;
	jx_amount total;               /* 资金总额 / 年度预算 合计 */
	JX_VEC_OF(jx_named_amount) budget;
	jx_text duties;                /* 部门职责(概述) */
	jx_text strategy;              /* 部门战略目标 */
	jx_text goal;                  /* 年度(总体)绩效目标 as one text */
	JX_VEC_OF(jx_task) tasks;
	JX_VEC_OF(jx_goal) goals;
	jx_indicator_vec indicators;
} jx_overall;

/* One line of a special-fund summary (专项资金绩效目标汇总表). */
typedef struct jx_fund_item {
	const char *no;
	const char *name;
	jx_amount amount;
	const char *goal_period, *goal_year;
	jx_src src;
} jx_fund_item;

typedef struct jx_fund_summary {
	const char *title;
	jx_amount total; /* the 合计 row */
	JX_VEC_OF(jx_fund_item) items;
	jx_src src;
} jx_fund_summary;

/* A disclosure table (预算公开表1–13) or any other amount table. Two-sided tables (收入 | 支出) put each row and
 * column on a side: 0 for one-sided tables or the left (收入) side, 1 for the right (支出) side. */
typedef struct jx_column {
	const char *name;  /* leaf header, e.g. "基本支出", with parents joined by "/" ("本年收入/合计") */
	int side;
} jx_column;

typedef enum jx_row_kind {
	JX_ROW_ITEM = 0, /* an ordinary row */
	JX_ROW_TOTAL,    /* 合计 / 总计 / 本年收入合计 … */
	JX_ROW_GROUP,    /* a heading row grouping those below (a unit in 表12, 工资福利支出 in 表6) */
} jx_row_kind;

typedef struct jx_row {
	const char *code;  /* 科目编码 (3/5/7 digits), or NULL */
	const char *name;  /* 科目名称 / 项目 / 项目名称 */
	const char *name2; /* a second name column (表6: 政府预算支出经济科目名称), or NULL */
	int side;
	int level;         /* indentation depth: 1 类 / 2 款 / 3 项 from the code, or from leading spaces */
	jx_row_kind kind;
	jx_amount *amounts; /* one per column of the table (present=false when blank) */
	jx_src src;
} jx_row;

typedef struct jx_table {
	int number;        /* N of 预算公开表N, 0 if not numbered */
	const char *id;    /* stable key: "t1".."t13" for the standard set, else derived from the title */
	const char *title; /* "2024年预算收支总表" */
	const char *unit_text; /* "万元" */
	jx_money_unit unit;
	const char *note;  /* "注：本表无数据" */
	JX_VEC_OF(jx_column) columns;
	JX_VEC_OF(jx_row) rows;
	jx_src src;
} jx_table;

/* A number found in narrative prose, with what it is about. */
typedef enum jx_fact_kind {
	JX_FACT_AMOUNT = 1,  /* money */
	JX_FACT_PERCENT,     /* a share or rate */
	JX_FACT_COUNT,       /* a count: 二级项目22个, 20人 */
	JX_FACT_CHANGE,      /* an increase or decrease (比上年增加59.63万元) */
} jx_fact_kind;

typedef struct jx_fact {
	jx_fact_kind kind;
	const char *label;   /* what it measures, from the words before it ("一般公共预算拨款收入") */
	jx_amount amount;    /* AMOUNT and CHANGE */
	jx_decimal number;   /* PERCENT, COUNT (and the number as written for AMOUNT) */
	const char *unit;    /* "万元", "%", "个", "人" … */
	int sign;            /* CHANGE: +1 增加/增长, -1 减少/下降 */
	const char *text;    /* the phrase */
	jx_src src;
} jx_fact;

typedef struct jx_statement {
	const char *section; /* the heading it sits under ("二、收入预算情况说明") */
	const char *text;    /* the paragraph, joined across line breaks */
	JX_VEC_OF(jx_fact) facts;
	jx_src src;
} jx_statement;

/* Something the importer wants the reviewer to know: a repair it made, a section it skipped. */
typedef enum jx_note_level { JX_NOTE_INFO = 0, JX_NOTE_WARNING, JX_NOTE_ERROR } jx_note_level;

typedef struct jx_note {
	jx_note_level level;
	const char *code;    /* stable id, e.g. "import.ocr", "import.level1-inferred", "import.skipped" */
	const char *message; /* Chinese, for users */
	const char *subject; /* project or table name, or NULL */
	jx_src src;
} jx_note;

/* A source document the package was read from. */
typedef struct jx_source {
	const char *file;
	const char *sha256; /* hex content hash, or NULL */
	const char *format; /* "json", "text/word-cells", "text/tsv", "text/pdf", "pdf", "docx", "xlsx" */
	const char *encoding; /* "UTF-8", "GB18030" */
} jx_source;

typedef struct jx_department {
	const char *name;
	const char *code;      /* "059", "762001" */
	const char *region;    /* "某市某县" as the document writes it, when known */
	const char *level;     /* 本级 etc., as written */
	jx_text duties;        /* 部门职责 */
	jx_text structure;     /* 机构设置情况 */
	int internal_units;    /* 内设职能部门数, -1 unknown */
	int budget_units;      /* 所属预算单位数, -1 unknown */
	int staff_authorized;  /* 核定的人员编制数, -1 unknown */
	int staff_actual;      /* 实际在职人员总数, -1 unknown */
	int staff_on_books;    /* 在编人员数, -1 unknown */
	int staff_other;       /* 其他人员数, -1 unknown */
	int retired;           /* 退休人员, -1 unknown */
	jx_src src;
} jx_department;

typedef struct jx_pkg {
	struct jx_arena *arena;
	jx_department dept;
	int year;           /* budget year, 0 if unknown */
	const char *title;  /* document title, if any */
	JX_VEC_OF(jx_source) sources;
	jx_overall overall;
	JX_VEC_OF(jx_project) projects;
	JX_VEC_OF(jx_fund_summary) funds;
	JX_VEC_OF(jx_table) tables;
	JX_VEC_OF(jx_statement) statements;
	JX_VEC_OF(jx_note) notes;
} jx_pkg;

/* Allocates an empty package with its own arena. NULL on out-of-memory. */
jx_pkg *jx_pkg_new(void);
void jx_pkg_free(jx_pkg *pkg);
/* Copies a string into the package's arena (NULL stays NULL). */
const char *jx_pkg_strdup(jx_pkg *pkg, const char *s);
const char *jx_pkg_strndup(jx_pkg *pkg, const char *s, size_t n);
/* Adds a note (message is copied). Returns 0 or JX_ENOMEM. */
int jx_pkg_note(jx_pkg *pkg, jx_note_level level, const char *code, const char *subject, jx_src src,
		const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;

/* Names of the enums, canonical Chinese (for level 1/2) or stable ASCII (others). */
const char *jx_level1_name(jx_level1 l1);       /* "产出指标" … or NULL for UNKNOWN */
const char *jx_level2_name(jx_level2 l2);       /* "数量指标" … or NULL */
jx_level1 jx_level2_parent(jx_level2 l2);       /* the level 1 a level 2 belongs to */
const char *jx_money_unit_name(jx_money_unit u); /* "元", "万元", … or NULL */
int64_t jx_money_unit_fen_per(jx_money_unit u);  /* 100, 1000000, … or 0 */
jx_money_unit jx_money_unit_parse(const char *s); /* "元", "万元", "（元）", "单位：万元" → unit; NONE otherwise */

/* Builds an amount from printed text in `unit` ("1,806.23" in 万元). Returns 0, JX_EPARSE if the text is not a
 * number, JX_ERANGE if it overflows int64 fen. The text is copied into the package. Blank text gives an amount
 * with present = false and returns 0. */
int jx_amount_parse(jx_pkg *pkg, jx_amount *out, const char *text, size_t len, jx_money_unit unit, jx_src src);
/* Formats fen in the amount's unit and scale ("30.41"); buf must hold 40 bytes. */
const char *jx_amount_format(const jx_amount *a, char buf[40]);
/* Formats fen as yuan ("304100.00" → "304100", "12.5"), for messages and JSON; buf 40 bytes. */
const char *jx_fen_format_yuan(int64_t fen, char buf[40]);

#ifdef __cplusplus
}
#endif
#endif
