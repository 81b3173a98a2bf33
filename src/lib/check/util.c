/* util.c: text tests the rules share (containment, character counts, placeholders). */
#include <string.h>

#include "check/check_int.h"
#include "util/utf8.h"

bool jx_has(const char *s, const char *needle) { return s && needle && strstr(s, needle) != NULL; }

bool jx_has_any(const char *s, const char *const *needles)
{
	for (; s && *needles; needles++)
		if (strstr(s, *needles))
			return true;
	return false;
}

size_t jx_chars(const char *s)
{
	size_t n = 0;
	if (!s)
		return 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = jx_utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		if (!jx_utf8_is_space(cp))
			n++;
		i += k;
	}
	return n;
}

bool jx_placeholder_word(const char *s)
{
	static const char *const words[] = {"无", "/", "／", "-", "—", "——", "－", "不适用", "暂无", "无此项", "空", "\\",
					    NULL};
	if (!s)
		return true;
	size_t len = strlen(s);
	const char *t = jx_utf8_trim(s, &len);
	if (len == 0)
		return true;
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == len && !memcmp(t, words[i], len))
			return true;
	return false;
}

bool jx_ind_blank(const jx_indicator *ind)
{
	if (ind->value.kind != JX_KIND_EMPTY && ind->value.kind != JX_KIND_PLACEHOLDER)
		return false;
	/* "无 | 无", or a row that says the category does not apply: "无直接经济效益 | 无直接经济效益". */
	return jx_placeholder_word(ind->name) || !strncmp(ind->name, "无", strlen("无")) ||
	       (ind->value.text && !strcmp(ind->name, ind->value.text));
}

bool jx_ind_repeat(const jx_indicator_vec *v, size_t i)
{
	const jx_indicator *ind = &v->v[i];
	if (ind->scope != JX_SCOPE_PERIOD || !ind->name)
		return false;
	for (size_t k = 0; k < v->n; k++) {
		const jx_indicator *o = &v->v[k];
		/* A name cut short where a PDF cell wrapped ("…补贴标" for "…补贴标准") is the same name. */
		size_t a = strlen(o->name ? o->name : ""), b = strlen(ind->name);
		bool prefix = o->name && a && b && !strncmp(o->name, ind->name, a < b ? a : b);
		if (o->scope == JX_SCOPE_YEAR && prefix && o->l2 == ind->l2 && o->value.text && ind->value.text &&
		    !strcmp(o->value.text, ind->value.text))
			return true;
	}
	return false;
}

const char *jx_overall_subject(const jx_pkg *pkg)
{
	(void)pkg;
	return "部门整体绩效目标";
}

bool jx_ind_is_cost(const jx_indicator *ind)
{
	return ind->l2 == JX_L2_COST || ind->l1 == JX_L1_COST || ind->l2 == JX_L2_ECON_COST;
}
