/* registry.c: the table of rules, built from rules.def, and their built-in documentation pages. */
#include <string.h>

#include "check/check_int.h"

static const jx_rule rules[R__COUNT] = {
#define JX_RULE(sym, id, family, sev, title, msg) {id, family, JX_SEV_##sev, title, msg},
#include "check/rules.def"
#undef JX_RULE
};

/* Generated at build time from docs/rules/<id>.md (cmake/EmbedDocs.cmake). */
typedef struct jx_rule_doc_entry {
	const char *id;
	const char *text;
} jx_rule_doc_entry;
extern const jx_rule_doc_entry jx_rule_docs[];
extern const size_t jx_rule_docs_n;

static const struct {
	const char *family, *title;
} families[] = {
	{"complete", "完整性 completeness: required fields and indicator categories"},
	{"frame", "指标体系 framework: the three-level indicator system"},
	{"measure", "可测性 measurability: targets that can be measured at year end"},
	{"calc", "测算 arithmetic inside a project and the overall table"},
	{"table", "公开表 disclosure tables and their identities"},
	{"pkg", "一致性 consistency across the package"},
};

const char *jx_severity_name(jx_severity s)
{
	switch (s) {
	case JX_SEV_OFF: return "off";
	case JX_SEV_INFO: return "info";
	case JX_SEV_WARNING: return "warning";
	case JX_SEV_ERROR: return "error";
	}
	return "?";
}

int jx_severity_parse(const char *s, jx_severity *out)
{
	static const struct {
		const char *name;
		jx_severity sev;
	} names[] = {
		{"off", JX_SEV_OFF}, {"none", JX_SEV_OFF}, {"关闭", JX_SEV_OFF},
		{"info", JX_SEV_INFO}, {"note", JX_SEV_INFO}, {"提示", JX_SEV_INFO},
		{"warning", JX_SEV_WARNING}, {"warn", JX_SEV_WARNING}, {"警告", JX_SEV_WARNING},
		{"error", JX_SEV_ERROR}, {"错误", JX_SEV_ERROR},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].name)) {
			*out = names[i].sev;
			return 0;
		}
	return JX_EINVAL;
}

size_t jx_rule_count(void) { return R__COUNT; }

const jx_rule *jx_rule_at(size_t i) { return i < R__COUNT ? &rules[i] : NULL; }

const jx_rule *jx_rule_by_sym(jx_rule_id id) { return &rules[id]; }

const jx_rule *jx_rule_find(const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < R__COUNT; i++)
		if (!strcmp(rules[i].id, id))
			return &rules[i];
	return NULL;
}

const char *jx_rule_doc(const jx_rule *rule)
{
	if (!rule)
		return NULL;
	for (size_t i = 0; i < jx_rule_docs_n; i++)
		if (!strcmp(jx_rule_docs[i].id, rule->id))
			return jx_rule_docs[i].text;
	return NULL;
}

const char *jx_family_title(const char *family)
{
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
		if (family && !strcmp(families[i].family, family))
			return families[i].title;
	return NULL;
}
