/* render_monitor.c: the monitoring (运行监控) as a department view: text for the terminal, JSON for tools, and one
 * standalone HTML page whose traffic lights carry their word, so a greyscale print still reads. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_int.h"

/* ---- shared ---- */

static const char *dec(const jx_decimal *d, char buf[32])
{
	return jx_decimal_format(d, buf);
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 30;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* The month fraction of the date with two decimals ("7.48"). */
static const char *month_str(const jx_date *d, char buf[32])
{
	jx_decimal m = {0, 0}, md = {days_in_month(d->year, d->month), 0}, one = {1, 0};
	jx_decimal mn = {(int64_t)(d->month - 1) * md.digits + d->day, 0};
	if (!jx_dec_muldiv(&mn, &one, &md, 2, &m))
		m = (jx_decimal){0, 2};
	return jx_decimal_format(&m, buf);
}

static void date_str(const jx_date *d, char buf[24])
{
	snprintf(buf, 24, "%04d-%02d-%02d", d->year, d->month, d->day);
}

/* The budget the spending was measured against (as jx_monitor chose it). */
static const jx_amount *budget_of(const jx_project_progress *pp)
{
	if (pp->act && pp->act->budget.present)
		return &pp->act->budget;
	if (pp->act && pp->act->budget_initial.present)
		return &pp->act->budget_initial;
	return &pp->project->amount;
}

static bool has_schedule(const jx_project *p)
{
	for (size_t i = 0; i < p->schedule.n; i++)
		if (p->schedule.v[i].present)
			return true;
	return false;
}

static const char *dept_name(const jx_monitoring *m)
{
	if (m->pkg->dept.name)
		return m->pkg->dept.name;
	return m->pkg->title ? m->pkg->title : "";
}

static const char *level_key(jx_level l)
{
	switch (l) {
	case JX_LEVEL_MET:
		return "met";
	case JX_LEVEL_PARTLY:
		return "partly";
	case JX_LEVEL_NOT_MET:
		return "not-met";
	case JX_LEVEL_NONE:
		break;
	}
	return NULL;
}

static void count_lights(const jx_monitoring *m, size_t counts[5])
{
	for (size_t i = 0; i < 5; i++)
		counts[i] = 0;
	for (size_t i = 0; i < m->projects.n; i++)
		counts[m->projects.v[i].worst]++;
}

/* "应支出 35.16%（按支出计划），实际支出 20.00%（已支出 19600元，预算 98000元），为计划的 56.9%" */
static int spending_line(jx_buf *b, const jx_project_progress *pp)
{
	char e[32], s[32], r[32], y1[40], y2[40];
	const jx_amount *budget = budget_of(pp);
	int rc = jx_buf_printf(b, "应支出 %s%%（%s），实际支出 %s%%（已支出 %s元，预算 %s元）", dec(&pp->expected_percent, e),
			       has_schedule(pp->project) ? "按支出计划" : "无支出计划，按全年均衡",
			       dec(&pp->spent_percent, s), jx_fen_format_yuan(pp->act->spent.fen, y1),
			       jx_fen_format_yuan(budget->fen, y2));
	if (rc)
		return rc;
	if (pp->expected_percent.digits == 0)
		return jx_buf_puts(b, "，计划尚未要求支出");
	return jx_buf_printf(b, "，为计划的 %s%%", dec(&pp->spending_ratio, r));
}

/* ---- text ---- */

static int render_text(const jx_monitoring *m, jx_buf *b)
{
	char d[24], mb[32], rb[32];
	size_t counts[5];
	count_lights(m, counts);
	date_str(&m->as_of, d);
	int rc = jx_buf_printf(b, "运行监控：%s %d年\n监控日期：%s（第 %s 个月）\n", dept_name(m), m->pkg->year, d,
			       month_str(&m->as_of, mb));
	if (!rc)
		rc = jx_buf_printf(b, "项目 %zu 个：红灯 %zu，黄灯 %zu，绿灯 %zu，蓝灯 %zu，无灯 %zu\n", m->projects.n,
				   counts[JX_LIGHT_RED], counts[JX_LIGHT_YELLOW], counts[JX_LIGHT_GREEN],
				   counts[JX_LIGHT_BLUE], counts[JX_LIGHT_NONE]);
	for (size_t i = 0; i < m->projects.n && !rc; i++) {
		const jx_project_progress *pp = &m->projects.v[i];
		rc = jx_buf_printf(b, "\n%zu. %s  %s", i + 1, pp->project->name ? pp->project->name : "",
				   jx_light_zh(pp->worst));
		if (!rc && jx_progress_has_behind(pp))
			rc = jx_buf_printf(b, "  最低完成比 %s%%", dec(&pp->behind, rb));
		if (!rc)
			rc = jx_buf_putc(b, '\n');
		if (rc)
			break;
		if (!pp->act) {
			rc = jx_buf_puts(b, "   未填报实际数据，未监控\n");
			continue;
		}
		if (pp->has_spending) {
			rc = jx_buf_printf(b, "   %s 资金：", jx_light_zh(pp->spending_light));
			if (!rc)
				rc = spending_line(b, pp);
			if (!rc)
				rc = jx_buf_putc(b, '\n');
		} else {
			rc = jx_buf_puts(b, "   无灯 资金：未填报支出数或预算数\n");
		}
		for (size_t k = 0; k < pp->indicators.n && !rc; k++) {
			const jx_ind_progress *ip = &pp->indicators.v[k];
			rc = jx_buf_printf(b, "   %s %s：%s\n", jx_light_zh(ip->light), ip->ind->name ? ip->ind->name : "",
					   ip->how ? ip->how : "");
			if (!rc && ip->act && ip->act->reason)
				rc = jx_buf_printf(b, "        原因及措施：%s\n", ip->act->reason);
		}
	}
	if (!rc && m->notes.n)
		rc = jx_buf_puts(b, "\n说明：\n");
	for (size_t i = 0; i < m->notes.n && !rc; i++)
		rc = jx_buf_printf(b, "  - %s [%s]\n", m->notes.v[i].message, m->notes.v[i].code);
	return rc;
}

/* ---- JSON ---- */

static int jset(json_t *o, const char *key, json_t *v)
{
	return json_object_set_new(o, key, v ? v : json_null()) ? JX_ENOMEM : 0;
}

static json_t *jdec(const jx_decimal *d)
{
	char buf[32];
	return json_string(dec(d, buf));
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *json_indicator(const jx_ind_progress *ip)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	const jx_indicator *ind = ip->ind;
	int rc = jset(o, "level1", jstr(ind->level1));
	rc = rc ? rc : jset(o, "level2", jstr(ind->level2));
	rc = rc ? rc : jset(o, "name", jstr(ind->name));
	rc = rc ? rc : jset(o, "target", jstr(ind->value.text));
	rc = rc ? rc : jset(o, "unit", jstr(ind->value.unit)); /* of target and expected (money: as the target is written) */
	rc = rc ? rc : jset(o, "actual", ip->act && ip->act->has_actual ? jstr(ip->act->actual.text) : json_null());
	rc = rc ? rc : jset(o, "level", ip->act ? jstr(level_key(ip->act->level)) : json_null());
	bool shows_expected = ip->expected.digits != 0 || ip->expected.scale != 0 || ip->has_ratio;
	rc = rc ? rc : jset(o, "expected", shows_expected ? jdec(&ip->expected) : json_null());
	rc = rc ? rc : jset(o, "ratio", ip->has_ratio ? jdec(&ip->ratio) : json_null());
	rc = rc ? rc : jset(o, "light", json_string(jx_light_name(ip->light)));
	rc = rc ? rc : jset(o, "light_zh", json_string(jx_light_zh(ip->light)));
	rc = rc ? rc : jset(o, "how", jstr(ip->how));
	rc = rc ? rc : jset(o, "reason", ip->act ? jstr(ip->act->reason) : json_null());
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *json_spending(const jx_project_progress *pp)
{
	if (!pp->has_spending)
		return json_null();
	json_t *o = json_object();
	if (!o)
		return NULL;
	char y[40];
	int rc = jset(o, "budget_yuan", json_string(jx_fen_format_yuan(budget_of(pp)->fen, y)));
	rc = rc ? rc : jset(o, "spent_yuan", json_string(jx_fen_format_yuan(pp->act->spent.fen, y)));
	rc = rc ? rc : jset(o, "schedule", json_boolean(has_schedule(pp->project)));
	rc = rc ? rc : jset(o, "expected_percent", jdec(&pp->expected_percent));
	rc = rc ? rc : jset(o, "spent_percent", jdec(&pp->spent_percent));
	rc = rc ? rc : jset(o, "ratio", pp->expected_percent.digits ? jdec(&pp->spending_ratio) : json_null());
	rc = rc ? rc : jset(o, "light", json_string(jx_light_name(pp->spending_light)));
	rc = rc ? rc : jset(o, "light_zh", json_string(jx_light_zh(pp->spending_light)));
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *json_project(const jx_project_progress *pp, size_t rank)
{
	json_t *o = json_object(), *inds = json_array();
	if (!o || !inds) {
		json_decref(o);
		json_decref(inds);
		return NULL;
	}
	int rc = jset(o, "rank", json_integer((json_int_t)rank));
	rc = rc ? rc : jset(o, "name", jstr(pp->project->name));
	rc = rc ? rc : jset(o, "code", jstr(pp->project->code));
	rc = rc ? rc : jset(o, "has_actuals", json_boolean(pp->act != NULL));
	rc = rc ? rc : jset(o, "light", json_string(jx_light_name(pp->worst)));
	rc = rc ? rc : jset(o, "light_zh", json_string(jx_light_zh(pp->worst)));
	rc = rc ? rc : jset(o, "behind", jx_progress_has_behind(pp) ? jdec(&pp->behind) : json_null());
	json_t *sp = rc ? NULL : json_spending(pp);
	rc = rc ? rc : sp ? jset(o, "spending", sp) : JX_ENOMEM;
	for (size_t k = 0; k < pp->indicators.n && !rc; k++) {
		json_t *io = json_indicator(&pp->indicators.v[k]);
		rc = io && !json_array_append_new(inds, io) ? 0 : JX_ENOMEM;
	}
	if (rc || json_object_set_new(o, "indicators", inds)) {
		if (rc)
			json_decref(inds);
		json_decref(o);
		return NULL;
	}
	return o;
}

static int render_json(const jx_monitoring *m, jx_buf *b)
{
	json_t *root = json_object(), *projects = json_array(), *notes = json_array(), *counts = json_object();
	int rc = root && projects && notes && counts ? 0 : JX_ENOMEM;
	char d[24], mb[32];
	size_t cnt[5];
	count_lights(m, cnt);
	date_str(&m->as_of, d);
	rc = rc ? rc : jset(root, "department", jstr(m->pkg->dept.name));
	rc = rc ? rc : jset(root, "year", json_integer(m->pkg->year));
	rc = rc ? rc : jset(root, "as_of", json_string(d));
	rc = rc ? rc : jset(root, "month", json_string(month_str(&m->as_of, mb)));
	for (jx_light l = JX_LIGHT_NONE; l <= JX_LIGHT_BLUE && !rc; l++)
		rc = jset(counts, jx_light_name(l), json_integer((json_int_t)cnt[l]));
	for (size_t i = 0; i < m->projects.n && !rc; i++) {
		json_t *po = json_project(&m->projects.v[i], i + 1);
		rc = po && !json_array_append_new(projects, po) ? 0 : JX_ENOMEM;
	}
	for (size_t i = 0; i < m->notes.n && !rc; i++) {
		const jx_eval_note *n = &m->notes.v[i];
		json_t *no = json_object();
		rc = no ? 0 : JX_ENOMEM;
		rc = rc ? rc : jset(no, "code", jstr(n->code));
		rc = rc ? rc : jset(no, "message", jstr(n->message));
		rc = rc ? rc : jset(no, "file", jstr(n->src.file));
		if (!rc && n->src.line)
			rc = jset(no, "line", json_integer(n->src.line));
		if (rc || json_array_append_new(notes, no)) {
			rc = JX_ENOMEM;
			json_decref(no);
		}
	}
	if (!rc) {
		rc = jset(root, "counts", counts);
		counts = NULL;
	}
	if (!rc) {
		rc = jset(root, "projects", projects);
		projects = NULL;
	}
	if (!rc) {
		rc = jset(root, "notes", notes);
		notes = NULL;
	}
	if (!rc) {
		char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		rc = s ? jx_buf_puts(b, s) : JX_ENOMEM;
		rc = rc ? rc : jx_buf_putc(b, '\n');
		free(s);
	}
	json_decref(counts);
	json_decref(projects);
	json_decref(notes);
	json_decref(root);
	return rc;
}

/* ---- HTML ---- */

typedef struct hw {
	jx_buf *out;
	int rc;
} hw;

static void h_raw(hw *w, const char *s)
{
	if (w->rc == 0)
		w->rc = jx_buf_puts(w->out, s);
}

/* Escapes text and attribute values; invalid UTF-8 and control characters become U+FFFD. */
static void h_esc(hw *w, const char *s)
{
	if (s && w->rc == 0)
		w->rc = jx_buf_put_html(w->out, s, strlen(s), JX_HTML_NL_KEEP);
}

static void h_light(hw *w, jx_light l)
{
	h_raw(w, "<span class=\"light ");
	h_raw(w, jx_light_name(l));
	h_raw(w, "\">");
	h_raw(w, jx_light_zh(l));
	h_raw(w, "</span>");
}

static const char CSS[] =
	"@page { size: A4; margin: 15mm; }\n"
	"* { box-sizing: border-box; }\n"
	"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", "
	"\"SimSun\", sans-serif; font-size: 10.5pt; line-height: 1.6; color: #111; margin: 0 auto; max-width: 64em; "
	"padding: 1em; }\n"
	"h1 { font-size: 18pt; margin: 0 0 .3em; }\n"
	"h2 { font-size: 13pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; page-break-after: avoid; }\n"
	".meta { color: #444; }\n"
	"table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; page-break-inside: auto; }\n"
	"th, td { border: 1px solid #999; padding: .25em .45em; vertical-align: top; text-align: left; }\n"
	"th { background: #eee; }\n"
	"td.num { text-align: right; white-space: nowrap; }\n"
	"tr { page-break-inside: avoid; }\n"
	".light { display: inline-block; min-width: 3.2em; padding: 0 .45em; border: 2px solid #333; "
	"border-radius: .8em; font-weight: bold; text-align: center; white-space: nowrap; }\n"
	".light.red { background: #d32f2f; color: #fff; border-color: #8e0000; }\n"
	".light.yellow { background: #fbc02d; color: #111; border-color: #a07800; border-style: dashed; }\n"
	".light.green { background: #388e3c; color: #fff; border-color: #1b5e20; border-style: double; border-width: 3px; }\n"
	".light.blue { background: #1976d2; color: #fff; border-color: #0d47a1; border-style: dotted; }\n"
	".light.none { background: #fff; color: #555; border-color: #999; }\n"
	".note { color: #444; }\n"
	"@media print { .light { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }\n";

static void h_dec(hw *w, const jx_decimal *d, const char *suffix)
{
	char buf[32];
	h_esc(w, dec(d, buf));
	h_raw(w, suffix);
}

static void render_html_project(hw *w, const jx_project_progress *pp, size_t rank)
{
	char buf[64];
	snprintf(buf, sizeof buf, "<h2>%zu. ", rank);
	h_raw(w, buf);
	h_esc(w, pp->project->name);
	h_raw(w, " ");
	h_light(w, pp->worst);
	if (jx_progress_has_behind(pp)) {
		h_raw(w, " <small>最低完成比 ");
		h_dec(w, &pp->behind, "%</small>");
	}
	h_raw(w, "</h2>\n");
	if (pp->project->code) {
		h_raw(w, "<p class=\"meta\">项目编码：");
		h_esc(w, pp->project->code);
		h_raw(w, "</p>\n");
	}
	if (!pp->act) {
		h_raw(w, "<p class=\"note\">未填报实际数据，未监控。</p>\n");
		return;
	}
	h_raw(w, "<table>\n<tr><th>监控内容</th><th>目标</th><th>应完成</th><th>实际</th><th>完成比</th><th>亮灯</th>"
		 "<th>说明</th></tr>\n");
	h_raw(w, "<tr><td>资金支出</td>");
	if (pp->has_spending) {
		char y1[40], y2[40];
		h_raw(w, "<td class=\"num\">预算 ");
		h_esc(w, jx_fen_format_yuan(budget_of(pp)->fen, y1));
		h_raw(w, "元</td><td class=\"num\">");
		h_dec(w, &pp->expected_percent, "%</td><td class=\"num\">");
		h_dec(w, &pp->spent_percent, "%（");
		h_esc(w, jx_fen_format_yuan(pp->act->spent.fen, y2));
		h_raw(w, "元）</td><td class=\"num\">");
		if (pp->expected_percent.digits)
			h_dec(w, &pp->spending_ratio, "%");
		h_raw(w, "</td><td>");
		h_light(w, pp->spending_light);
		h_raw(w, "</td><td>");
		jx_buf line = JX_BUF_INIT;
		if (spending_line(&line, pp))
			w->rc = JX_ENOMEM;
		else
			h_esc(w, jx_buf_cstr(&line));
		jx_buf_release(&line);
		h_raw(w, "</td></tr>\n");
	} else {
		h_raw(w, "<td></td><td></td><td></td><td></td><td>");
		h_light(w, JX_LIGHT_NONE);
		h_raw(w, "</td><td>未填报支出数或预算数</td></tr>\n");
	}
	for (size_t k = 0; k < pp->indicators.n; k++) {
		const jx_ind_progress *ip = &pp->indicators.v[k];
		h_raw(w, "<tr><td>");
		h_esc(w, ip->ind->name);
		if (ip->ind->level2) {
			h_raw(w, "<br><small>");
			h_esc(w, ip->ind->level2);
			h_raw(w, "</small>");
		}
		h_raw(w, "</td><td>");
		h_esc(w, ip->ind->value.text);
		h_raw(w, "</td><td class=\"num\">");
		if (ip->has_ratio || ip->expected.digits) {
			h_dec(w, &ip->expected, "");
			h_esc(w, ip->ind->value.unit);
		}
		h_raw(w, "</td><td>");
		if (ip->act && ip->act->has_actual)
			h_esc(w, ip->act->actual.text);
		h_raw(w, "</td><td class=\"num\">");
		if (ip->has_ratio)
			h_dec(w, &ip->ratio, "%");
		h_raw(w, "</td><td>");
		h_light(w, ip->light);
		h_raw(w, "</td><td>");
		h_esc(w, ip->how);
		if (ip->act && ip->act->reason) {
			h_raw(w, "<br><small>原因及措施：");
			h_esc(w, ip->act->reason);
			h_raw(w, "</small>");
		}
		h_raw(w, "</td></tr>\n");
	}
	h_raw(w, "</table>\n");
}

static int render_html(const jx_monitoring *m, jx_buf *b)
{
	hw w = {b, 0};
	char d[24], mb[32], line[256];
	size_t cnt[5];
	count_lights(m, cnt);
	date_str(&m->as_of, d);
	h_raw(&w, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>运行监控：");
	h_esc(&w, dept_name(m));
	snprintf(line, sizeof line, " %d年 截至 %s</title>\n<style>\n", m->pkg->year, d);
	h_raw(&w, line);
	h_raw(&w, CSS);
	h_raw(&w, "</style>\n</head>\n<body>\n<h1>运行监控：");
	h_esc(&w, dept_name(m));
	snprintf(line, sizeof line, " %d年</h1>\n<p class=\"meta\">监控日期：%s（第 %s 个月）；项目 %zu 个：", m->pkg->year, d,
		 month_str(&m->as_of, mb), m->projects.n);
	h_raw(&w, line);
	for (jx_light l = JX_LIGHT_RED; l <= JX_LIGHT_BLUE; l++) {
		h_light(&w, l);
		snprintf(line, sizeof line, " %zu　", cnt[l]);
		h_raw(&w, line);
	}
	h_light(&w, JX_LIGHT_NONE);
	snprintf(line, sizeof line, " %zu</p>\n<p class=\"meta\">按完成进度最落后的项目排在最前。</p>\n", cnt[JX_LIGHT_NONE]);
	h_raw(&w, line);
	for (size_t i = 0; i < m->projects.n; i++)
		render_html_project(&w, &m->projects.v[i], i + 1);
	if (m->notes.n) {
		h_raw(&w, "<h2>说明</h2>\n<ul>\n");
		for (size_t i = 0; i < m->notes.n; i++) {
			h_raw(&w, "<li>");
			h_esc(&w, m->notes.v[i].message);
			h_raw(&w, " <small>[");
			h_esc(&w, m->notes.v[i].code);
			h_raw(&w, "]</small></li>\n");
		}
		h_raw(&w, "</ul>\n");
	}
	h_raw(&w, "</body>\n</html>\n");
	return w.rc;
}

int jx_monitoring_render(const jx_monitoring *m, jx_eval_format fmt, char **out, size_t *len)
{
	*out = NULL;
	if (len)
		*len = 0;
	jx_buf b = JX_BUF_INIT;
	int rc;
	switch (fmt) {
	case JX_EVAL_TEXT:
		rc = render_text(m, &b);
		break;
	case JX_EVAL_JSON:
		rc = render_json(m, &b);
		break;
	case JX_EVAL_HTML:
		rc = render_html(m, &b);
		break;
	default:
		return jx_error_set(JX_EINVAL, "不支持的输出格式");
	}
	if (rc) {
		jx_buf_release(&b);
		return rc < 0 ? rc : JX_ENOMEM;
	}
	jx_buf_cstr(&b);
	size_t n = 0;
	*out = jx_buf_detach(&b, &n);
	if (!*out)
		return JX_ENOMEM;
	if (len)
		*len = n;
	return 0;
}
