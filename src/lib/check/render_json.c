/* render_json.c: findings as JSON, {"findings": [...], "summary": {...}}, numbers as plain JSON numbers (money in
 * yuan). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"

/* A decimal as a JSON number: integers exactly, others through a double printed with 15 significant digits, which
 * reproduces every decimal of up to 15 digits exactly. */
static json_t *number(const jx_decimal *d)
{
	char plain[40];
	jx_decimal_plain(d, plain);
	if (!strchr(plain, '.'))
		return json_integer(strtoll(plain, NULL, 10));
	return json_real(strtod(plain, NULL));
}

static int set_str(json_t *o, const char *k, const char *v)
{
	return v ? json_object_set_new(o, k, json_string(v)) : 0;
}

int jx_render_json(const jx_report *r, unsigned flags, jx_buf *out)
{
	(void)flags;
	json_t *root = json_object(), *list = json_array(), *by_rule = json_object(), *pkgs = json_array();
	int rc = 0;
	if (!root || !list || !by_rule || !pkgs)
		rc = JX_ENOMEM;
	for (size_t i = 0; i < jx_report_count(r) && !rc; i++) {
		const jx_finding *f = jx_report_at(r, i);
		json_t *o = json_object();
		if (!o) {
			rc = JX_ENOMEM;
			break;
		}
		json_object_set_new(o, "rule", json_string(f->rule->id));
		json_object_set_new(o, "severity", json_string(jx_severity_name(f->severity)));
		json_object_set_new(o, "package", json_string(jx_report_package_name(r, (size_t)f->pkg_index)));
		json_object_set_new(o, "file", f->src.file ? json_string(f->src.file) : json_null());
		json_object_set_new(o, "line", f->src.line ? json_integer(f->src.line) : json_null());
		if (f->src.page)
			json_object_set_new(o, "page", json_integer(f->src.page));
		json_object_set_new(o, "subject", f->subject ? json_string(f->subject) : json_null());
		set_str(o, "item", f->item);
		json_object_set_new(o, "message", json_string(f->message));
		if (f->numeric) {
			json_object_set_new(o, "expected", number(&f->expected));
			json_object_set_new(o, "actual", number(&f->actual));
			set_str(o, "unit", f->unit);
		}
		set_str(o, "detail", f->detail);
		if (json_array_append_new(list, o))
			rc = JX_ENOMEM;
		json_t *n = json_object_get(by_rule, f->rule->id);
		json_object_set_new(by_rule, f->rule->id, json_integer(n ? json_integer_value(n) + 1 : 1));
	}
	for (size_t i = 0; i < jx_report_packages(r) && !rc; i++)
		json_array_append_new(pkgs, json_string(jx_report_package_name(r, i)));
	json_t *summary = json_pack("{s:O, s:I, s:I, s:I, s:I, s:O}", "packages", pkgs, "findings",
				    (json_int_t)jx_report_count(r), "errors",
				    (json_int_t)jx_report_count_severity(r, JX_SEV_ERROR), "warnings",
				    (json_int_t)jx_report_count_severity(r, JX_SEV_WARNING), "infos",
				    (json_int_t)jx_report_count_severity(r, JX_SEV_INFO), "by_rule", by_rule);
	if (!summary)
		rc = JX_ENOMEM;
	if (!rc) {
		json_object_set_new(root, "findings", list);
		list = NULL;
		json_object_set_new(root, "summary", summary);
		summary = NULL;
		char *s = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER);
		if (!s || jx_buf_puts(out, s) || jx_buf_putc(out, '\n'))
			rc = JX_ENOMEM;
		free(s);
	}
	json_decref(summary);
	json_decref(list);
	json_decref(by_rule);
	json_decref(pkgs);
	json_decref(root);
	return rc;
}
