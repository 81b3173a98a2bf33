/* report.c: the findings of a review: adding them (with configuration and rounding applied), ordering, quoting
 * the source lines they point at, and handing them to a renderer. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "util/utf8.h"

jx_report *jx_report_new(void)
{
	jx_report *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->arena = jx_arena_new();
	if (!r->arena) {
		free(r);
		return NULL;
	}
	return r;
}

void jx_report_free(jx_report *r)
{
	if (!r)
		return;
	jx_arena_free(r->arena);
	free(r);
}

int jx_report_begin(jx_report *r, const char *name)
{
	const char **slot = jx_vec_push(r->arena, &r->packages);
	if (!slot || !(*slot = jx_arena_strdup(r->arena, name ? name : "")))
		return JX_ENOMEM;
	r->pending_name = true;
	return 0;
}

size_t jx_report_count(const jx_report *r) { return r->findings.n; }
const jx_finding *jx_report_at(const jx_report *r, size_t i) { return i < r->findings.n ? &r->findings.v[i] : NULL; }
size_t jx_report_packages(const jx_report *r) { return r->packages.n; }
const char *jx_report_package_name(const jx_report *r, size_t i) { return i < r->packages.n ? r->packages.v[i] : NULL; }

size_t jx_report_count_severity(const jx_report *r, jx_severity s)
{
	size_t n = 0;
	for (size_t i = 0; i < r->findings.n; i++)
		n += r->findings.v[i].severity == s;
	return n;
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const jx_finding *a = pa, *b = pb;
	if (a->pkg_index != b->pkg_index)
		return a->pkg_index < b->pkg_index ? -1 : 1;
	int c = cmp_str(a->src.file, b->src.file);
	if (c)
		return c;
	if (a->src.line != b->src.line)
		return a->src.line < b->src.line ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return cmp_str(a->message, b->message);
}

void jx_report_sort(jx_report *r)
{
	if (r->findings.n > 1)
		qsort(r->findings.v, r->findings.n, sizeof *r->findings.v, cmp_finding);
}

/* ---- numbers for display ---- */

const char *jx_decimal_plain(const jx_decimal *d, char buf[40])
{
	/* Trailing fractional zeros are dropped: 304100.00 -> 304100, 12.50 -> 12.5. */
	char tmp[32];
	jx_decimal_format(d, tmp);
	size_t n = strlen(tmp);
	if (strchr(tmp, '.')) {
		while (n && tmp[n - 1] == '0')
			n--;
		if (n && tmp[n - 1] == '.')
			n--;
	}
	memcpy(buf, tmp, n);
	buf[n] = '\0';
	return buf;
}

/* Formats a money decimal (yuan) in the shown unit with at least `scale` decimals and no fewer than exactness needs. */
static const char *money_str(const jx_decimal *yuan, jx_money_unit unit, int scale, char buf[64])
{
	int64_t fen;
	if (jx_decimal_to_fen(yuan, 100, &fen)) {
		char t[40];
		snprintf(buf, 64, "%s元", jx_decimal_plain(yuan, t));
		return buf;
	}
	int64_t per = jx_money_unit_fen_per(unit);
	if (per <= 0) {
		per = 100;
		unit = JX_MU_YUAN;
	}
	/* fen / per with enough decimals to be exact. */
	int digits = 0;
	for (int64_t p = per; p > 1; p /= 10)
		digits++;
	jx_decimal d = {fen, digits};
	char t[32];
	jx_decimal_format(&d, t);
	/* Trim zeros beyond the printed scale. */
	size_t n = strlen(t);
	char *dot = strchr(t, '.');
	if (dot) {
		size_t keep = (size_t)(dot - t) + 1 + (size_t)(scale > 0 ? scale : 0);
		while (n > keep && t[n - 1] == '0')
			n--;
		if (n && t[n - 1] == '.')
			n--;
		t[n] = '\0';
	}
	snprintf(buf, 64, "%s%s", t, jx_money_unit_name(unit));
	return buf;
}

static const char *number_str(const jx_finding *f, const jx_decimal *d, char buf[64])
{
	if (f->unit && !strcmp(f->unit, "元"))
		return money_str(d, f->shown_unit, f->shown_scale, buf);
	char t[40];
	snprintf(buf, 64, "%s%s", jx_decimal_plain(d, t), f->unit ? f->unit : "");
	return buf;
}

const char *jx_finding_expected_str(const jx_finding *f, char buf[64]) { return number_str(f, &f->expected, buf); }
const char *jx_finding_actual_str(const jx_finding *f, char buf[64]) { return number_str(f, &f->actual, buf); }

const char *jx_finding_diff_str(const jx_finding *f, char buf[64])
{
	jx_decimal a = f->actual, e = f->expected;
	int32_t s = a.scale > e.scale ? a.scale : e.scale;
	if (jx_decimal_rescale(&a, s) || jx_decimal_rescale(&e, s)) {
		buf[0] = '\0';
		return buf;
	}
	int64_t d;
	if (!jx_sub_i64(a.digits, e.digits, &d) || d == INT64_MIN) {
		buf[0] = '\0';
		return buf;
	}
	jx_decimal dd = {d < 0 ? -d : d, s};
	return number_str(f, &dd, buf);
}

/* ---- adding findings ---- */

bool jx_rule_on(const jx_cx *cx, jx_rule_id id)
{
	return jx_check_config_severity(cx->cfg, jx_rule_by_sym(id)) != JX_SEV_OFF;
}

void jx_fargs_money(jx_fargs *a, int64_t expected_fen, int64_t actual_fen, jx_money_unit shown, int scale)
{
	a->numeric = true;
	a->expected = (jx_decimal){expected_fen, 2};
	a->actual = (jx_decimal){actual_fen, 2};
	a->unit = "元";
	a->shown_unit = shown ? shown : JX_MU_YUAN;
	a->shown_scale = scale;
}

/* Fills the template's placeholders. */
static char *fill_template(jx_arena *arena, const char *tpl, const jx_finding *f)
{
	jx_buf b = JX_BUF_INIT;
	char num[64];
	for (const char *p = tpl; *p;) {
		const char *open = strchr(p, '{');
		if (!open) {
			jx_buf_puts(&b, p);
			break;
		}
		jx_buf_put(&b, p, (size_t)(open - p));
		const char *close = strchr(open, '}');
		if (!close) {
			jx_buf_puts(&b, open);
			break;
		}
		size_t n = (size_t)(close - open - 1);
		const char *val = NULL;
#define IS(k) (n == sizeof(k) - 1 && !memcmp(open + 1, k, n))
		if (IS("subject"))
			val = f->subject ? f->subject : "部门";
		else if (IS("item"))
			val = f->item ? f->item : "";
		else if (IS("detail"))
			val = f->detail ? f->detail : "";
		else if (IS("expected"))
			val = f->numeric ? jx_finding_expected_str(f, num) : f->expected_text ? f->expected_text : "";
		else if (IS("actual"))
			val = f->numeric ? jx_finding_actual_str(f, num) : f->actual_text ? f->actual_text : "";
		else if (IS("diff"))
			val = f->numeric ? jx_finding_diff_str(f, num) : "";
#undef IS
		if (val)
			jx_buf_puts(&b, val);
		else
			jx_buf_put(&b, open, n + 2);
		p = close + 1;
	}
	char *s = jx_arena_strdup(arena, jx_buf_cstr(&b));
	jx_buf_release(&b);
	return s;
}

static const char *dup(jx_arena *a, const char *s, bool *oom)
{
	if (!s)
		return NULL;
	char *d = jx_arena_strdup(a, s);
	if (!d)
		*oom = true;
	return d;
}

static int add(jx_report *r, const jx_finding *f)
{
	jx_finding *n = jx_vec_push(r->arena, &r->findings);
	if (!n) {
		r->oom = true;
		return JX_ENOMEM;
	}
	bool oom = false;
	*n = *f;
	n->subject = dup(r->arena, f->subject, &oom);
	n->item = dup(r->arena, f->item, &oom);
	n->detail = dup(r->arena, f->detail, &oom);
	n->unit = dup(r->arena, f->unit, &oom);
	n->expected_text = dup(r->arena, f->expected_text, &oom);
	n->actual_text = dup(r->arena, f->actual_text, &oom);
	n->src.file = dup(r->arena, f->src.file, &oom);
	n->message = f->message ? dup(r->arena, f->message, &oom) : fill_template(r->arena, f->rule->message, n);
	if (oom || !n->message) {
		r->oom = true;
		return JX_ENOMEM;
	}
	return 0;
}

int jx_report_add(jx_report *r, const jx_finding *f) { return add(r, f); }

static bool same_numbers(const jx_finding *a, const jx_fargs *b)
{
	return a->numeric && b->numeric && !jx_decimal_cmp(&a->expected, &b->expected) &&
	       !jx_decimal_cmp(&a->actual, &b->actual);
}

bool jx_emit(jx_cx *cx, jx_rule_id id, jx_src src, const jx_fargs *a)
{
	const jx_rule *rule = jx_rule_by_sym(id);
	jx_severity sev = jx_check_config_severity(cx->cfg, rule);
	if (sev == JX_SEV_OFF)
		return false;
	static const jx_fargs none;
	if (!a)
		a = &none;
	/* The same rounding difference reached through several identities is reported once. */
	if (id == R_CALC_ROUNDING)
		for (size_t i = 0; i < cx->r->findings.n; i++) {
			const jx_finding *f = &cx->r->findings.v[i];
			if (f->pkg_index == cx->pkg_index && f->rule == rule && same_numbers(f, a) &&
			    !cmp_str(f->subject, a->subject))
				return false;
		}
	jx_finding f = {
		.rule = rule,
		.severity = sev,
		.subject = a->subject,
		.item = a->item,
		.detail = a->detail,
		.src = src,
		.numeric = a->numeric,
		.expected = a->expected,
		.actual = a->actual,
		.unit = a->unit,
		.expected_text = a->expected_text,
		.actual_text = a->actual_text,
		.shown_unit = a->shown_unit,
		.shown_scale = a->shown_scale,
		.pkg_index = cx->pkg_index,
	};
	add(cx->r, &f);
	return true;
}

int64_t jx_amount_ulp(const jx_amount *a)
{
	if (!a->present || a->unit == JX_MU_YUAN || a->unit == JX_MU_NONE)
		return 0;
	int64_t u = jx_money_unit_fen_per(a->unit);
	for (int i = 0; i < a->scale && u > 1; i++)
		u /= 10;
	return u;
}

bool jx_compare_sum(jx_cx *cx, jx_rule_id id, jx_src src, const jx_fargs *a, int64_t stated_fen, int64_t summed_fen,
		    size_t nparts, int64_t ulp_fen)
{
	if (stated_fen == summed_fen)
		return false;
	jx_fargs f = *a;
	jx_fargs_money(&f, summed_fen, stated_fen, a->shown_unit, a->shown_scale);
	int64_t diff;
	if (!jx_sub_i64(stated_fen, summed_fen, &diff) || diff == INT64_MIN)
		diff = INT64_MAX; /* beyond any slack */
	else if (diff < 0)
		diff = -diff;
	/* Each printed figure is off by at most half its last digit: n parts and the total, (n + 1) halves. */
	int64_t tol = 0;
	if (!(cx->cfg && cx->cfg->strict_rounding) &&
	    (!jx_mul_i64(ulp_fen, (int64_t)(nparts + 1), &tol) || !jx_add_i64(tol, 1, &tol)))
		tol = 0;
	tol /= 2;
	if (diff <= tol && tol > 0) {
		char detail[256];
		char u[64];
		jx_decimal ulp = {ulp_fen, 2};
		snprintf(detail, sizeof detail, "%s；%zu 项各打印到 %s", jx_rule_by_sym(id)->id, nparts,
			 money_str(&ulp, a->shown_unit, a->shown_scale, u));
		f.detail = detail;
		if (!f.item)
			f.item = "";
		return jx_emit(cx, R_CALC_ROUNDING, src, &f);
	}
	return jx_emit(cx, id, src, &f);
}

/* ---- running a check ---- */

int jx_check(jx_report *r, const jx_pkg *pkg, const jx_check_config *cfg)
{
	if (!r->pending_name) {
		const char *name = pkg->sources.n ? pkg->sources.v[0].file : pkg->dept.name;
		if (jx_report_begin(r, name ? name : "") != 0)
			return JX_ENOMEM;
	}
	r->pending_name = false;
	jx_cx cx = {pkg, cfg, r, (int)r->packages.n - 1, jx_arena_new()};
	if (!cx.tmp)
		return JX_ENOMEM;
	jx_check_complete(&cx);
	jx_check_frame(&cx);
	jx_check_measure(&cx);
	jx_check_calc(&cx);
	jx_check_text(&cx);
	jx_check_tables(&cx);
	jx_check_pkg(&cx);
	jx_arena_free(cx.tmp);
	return r->oom ? JX_ENOMEM : 0;
}

/* ---- source excerpts ---- */

int jx_report_attach_source(jx_report *r, const char *file, const char *text, size_t len)
{
	size_t bad;
	if (!file || !text || !jx_utf8_valid(text, len, &bad))
		return 0;
	for (size_t i = 0; i < r->sources.n; i++)
		if (!strcmp(r->sources.v[i].file, file))
			return 0;
	jx_attached *a = jx_vec_push(r->arena, &r->sources);
	if (!a)
		return JX_ENOMEM;
	a->file = jx_arena_strdup(r->arena, file);
	char *copy = jx_arena_strndup(r->arena, text, len);
	if (!a->file || !copy)
		return JX_ENOMEM;
	a->text = copy;
	a->len = len;
	uint32_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	a->line_starts = jx_arena_calloc(r->arena, n, sizeof *a->line_starts);
	if (!a->line_starts)
		return JX_ENOMEM;
	a->nlines = 0;
	a->line_starts[a->nlines++] = 0;
	for (size_t i = 0; i < len && a->nlines < n; i++)
		if (text[i] == '\n')
			a->line_starts[a->nlines++] = (uint32_t)(i + 1);
	return 0;
}

const char *jx_report_source_line(const jx_report *r, const char *file, uint32_t line, size_t *len)
{
	if (!file || line == 0)
		return NULL;
	for (size_t i = 0; i < r->sources.n; i++) {
		const jx_attached *a = &r->sources.v[i];
		if (strcmp(a->file, file) || line > a->nlines)
			continue;
		size_t start = a->line_starts[line - 1];
		size_t end = start;
		while (end < a->len && a->text[end] != '\n')
			end++;
		if (end > start && a->text[end - 1] == '\r')
			end--;
		/* Skip a UTF-8 byte-order mark on the first line. */
		if (line == 1 && end - start >= 3 && !memcmp(a->text + start, "\xEF\xBB\xBF", 3))
			start += 3;
		*len = end - start;
		return a->text + start;
	}
	return NULL;
}

int jx_report_render(const jx_report *r, jx_report_format fmt, unsigned flags, char **out, size_t *len)
{
	jx_buf b = JX_BUF_INIT;
	int rc;
	switch (fmt) {
	case JX_REPORT_TEXT: rc = jx_render_text(r, flags, &b); break;
	case JX_REPORT_JSON: rc = jx_render_json(r, flags, &b); break;
	case JX_REPORT_SARIF: rc = jx_render_sarif(r, flags, &b); break;
	case JX_REPORT_HTML: rc = jx_render_html(r, flags, &b); break;
	default: rc = JX_EINVAL; break;
	}
	if (rc) {
		jx_buf_release(&b);
		return rc;
	}
	jx_buf_cstr(&b);
	*out = jx_buf_detach(&b, len);
	return *out ? 0 : JX_ENOMEM;
}
