/* check.h: the review engine (审核). Named rules read a package and report findings that point at the source.
 *
 * Ownership: a jx_report owns every finding, string and attached source text; jx_report_free releases them all.
 * A jx_check_config is owned by its caller and only read by jx_check. Rules (jx_rule) are static.
 * Rendered output (jx_report_render) is malloc'ed and owned by the caller.
 */
#ifndef JX_CHECK_H
#define JX_CHECK_H

#include "jx/common.h"
#include "jx/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum jx_severity {
	JX_SEV_OFF = -1, /* switched off by configuration */
	JX_SEV_INFO = 0,
	JX_SEV_WARNING,
	JX_SEV_ERROR,
} jx_severity;

const char *jx_severity_name(jx_severity s); /* "off", "info", "warning", "error" */
int jx_severity_parse(const char *s, jx_severity *out); /* accepts the names and 关闭/提示/警告/错误 */

/* A rule of the registry. `message` is the Chinese template; placeholders {subject} {item} {expected} {actual}
 * {diff} {detail} are filled from the finding. */
typedef struct jx_rule {
	const char *id;       /* stable, "<family>.<name>", e.g. "calc.funding-sum" */
	const char *family;   /* "complete", "frame", "measure", "calc", "table", "pkg" */
	jx_severity severity; /* default */
	const char *title;    /* short, English */
	const char *message;  /* Chinese template */
} jx_rule;

size_t jx_rule_count(void);
const jx_rule *jx_rule_at(size_t i);
const jx_rule *jx_rule_find(const char *id);
/* The rule's documentation page (Markdown, Chinese and English), built in from docs/rules/<id>.md; NULL if none. */
const char *jx_rule_doc(const jx_rule *rule);
/* One-line description of a family ("completeness: required fields and indicator categories"). */
const char *jx_family_title(const char *family);

/* Configuration: rules switched off or re-graded, and tolerances. Defaults need no file. */
typedef struct jx_check_config jx_check_config;

jx_check_config *jx_check_config_new(void);
void jx_check_config_free(jx_check_config *cfg);
/* Reads an INI file (see docs/check.md):
 *   [rules]      calc.funding-sum = off | info | warning | error      (a family name applies to all its rules)
 *   [tolerance]  rounding = auto | strict   cost-share-min = 50   satisfaction-min = 80   over-percent-names = 增长率,增幅
 * Returns 0, or JX_EIO / JX_EPARSE with a message naming the file and line. */
int jx_check_config_load(jx_check_config *cfg, const char *path);
/* Sets one key as if read from section `section` of a file. Returns 0 or JX_EINVAL with a message. */
int jx_check_config_set(jx_check_config *cfg, const char *section, const char *key, const char *value);
/* The severity a rule has under this configuration (its default when cfg is NULL). */
jx_severity jx_check_config_severity(const jx_check_config *cfg, const jx_rule *rule);

/* One finding. Numbers are exact: money in yuan (scale 2), percents in %, counts as written. */
typedef struct jx_finding {
	const jx_rule *rule;
	jx_severity severity;
	const char *message; /* Chinese, filled in from the template */
	const char *subject; /* the project or table it concerns, by name; NULL for the package */
	const char *item;    /* the indicator, row or field inside the subject, or NULL */
	const char *detail;  /* extra words (how the expected value was computed), or NULL */
	jx_src src;
	bool numeric;        /* expected / actual / unit are set */
	jx_decimal expected, actual;
	const char *unit;    /* "元" for money, "%", "人", … */
	const char *expected_text, *actual_text; /* non-numeric findings: what should be and what is, as words */
	jx_money_unit shown_unit; /* money: the unit the document printed it in (for text output) */
	int shown_scale;     /* decimals printed in the document */
	int pkg_index;       /* which checked package (0-based, in jx_check call order) */
} jx_finding;

typedef struct jx_report jx_report;

jx_report *jx_report_new(void);
void jx_report_free(jx_report *r);

/* Reviews `pkg` under `cfg` (NULL = defaults) and appends its findings to `r`. Returns 0 or JX_ENOMEM.
 * The package must outlive the report (findings point at its source file names). */
int jx_check(jx_report *r, const jx_pkg *pkg, const jx_check_config *cfg);
/* Records the display name of the package being checked next (e.g. the file given on the command line). */
int jx_report_begin(jx_report *r, const char *name);

size_t jx_report_count(const jx_report *r);
const jx_finding *jx_report_at(const jx_report *r, size_t i);
size_t jx_report_count_severity(const jx_report *r, jx_severity s);
size_t jx_report_packages(const jx_report *r);
const char *jx_report_package_name(const jx_report *r, size_t i);
/* Sorts findings by package, file, line, then rule. */
void jx_report_sort(jx_report *r);

/* Attaches the text of a source file so outputs can quote its lines (copied). Text that is not UTF-8 is ignored. */
int jx_report_attach_source(jx_report *r, const char *file, const char *text, size_t len);
/* The text of line `line` of `file` (without newline), or NULL if not attached. */
const char *jx_report_source_line(const jx_report *r, const char *file, uint32_t line, size_t *len);

typedef enum jx_report_format {
	JX_REPORT_TEXT = 0,
	JX_REPORT_JSON,
	JX_REPORT_SARIF,
	JX_REPORT_HTML,
} jx_report_format;

enum {
	JX_REPORT_COLOR = 1u << 0,    /* text: ANSI colours */
	JX_REPORT_NO_QUOTE = 1u << 1, /* text: no source excerpts */
};

/* Renders the report. *out is malloc'ed, NUL-terminated; the caller frees it. Returns 0 or JX_ENOMEM. */
int jx_report_render(const jx_report *r, jx_report_format fmt, unsigned flags, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
