/* html.c: jx render --format html: one standalone page (title block, contents, charts, the disclosure tables, the
 * overall and project target tables, review findings) with print CSS for A4. No external resources. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/check.h"
#include "render/html_int.h"

void jx_html_raw(jx_html_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = jx_buf_puts(&w->b, s);
}

void jx_html_printf(jx_html_w *w, const char *fmt, ...)
{
	if (w->rc != 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	w->rc = jx_buf_vprintf(&w->b, fmt, ap);
	va_end(ap);
}

/* Escapes s[0..len); a line break becomes <br> in running text (`breaks`) or a space in labels. */
static void escape(jx_html_w *w, const char *s, size_t len, bool breaks)
{
	if (w->rc == 0)
		w->rc = jx_buf_put_html(&w->b, s, len, breaks ? JX_HTML_NL_BR : JX_HTML_NL_SPACE);
}

void jx_html_escn(jx_html_w *w, const char *s, size_t len)
{
	escape(w, s, len, true);
}

void jx_html_esc_label(jx_html_w *w, const char *s, size_t len)
{
	escape(w, s, len, false);
}

void jx_html_esc(jx_html_w *w, const char *s)
{
	if (s)
		jx_html_escn(w, s, strlen(s));
}

const char *jx_html_money(char buf[64], int64_t fen, jx_money_unit unit)
{
	int64_t per = jx_money_unit_fen_per(unit);
	if (per <= 0)
		per = 100;
	/* |fen| as unsigned so INT64_MIN formats too. */
	uint64_t mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	uint64_t uper = (uint64_t)per;
	uint64_t ip = mag / uper, frac = mag % uper;
	int fdigits = 0; /* digits of one fen in this unit: 元 2, 万元 6, 亿元 10 */
	for (uint64_t p = uper; p > 1; p /= 10)
		fdigits++;
	char fr[24] = {0};
	for (int i = fdigits; i-- > 0; frac /= 10)
		fr[i] = (char)('0' + frac % 10);
	int keep = fdigits; /* drop trailing zeros, keep at least two decimals */
	while (keep > 2 && fr[keep - 1] == '0')
		keep--;
	if (keep > fdigits)
		keep = fdigits;
	char ib[32];
	snprintf(ib, sizeof ib, "%llu", (unsigned long long)ip);
	size_t il = strlen(ib), o = 0;
	if (fen < 0)
		buf[o++] = '-';
	for (size_t i = 0; i < il; i++) {
		if (i > 0 && (il - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = ib[i];
	}
	buf[o++] = '.';
	for (int i = 0; i < keep; i++)
		buf[o++] = fr[i];
	for (int i = keep; i < 2; i++)
		buf[o++] = '0';
	buf[o] = '\0';
	return buf;
}

jx_money_unit jx_html_unit_or(jx_money_unit unit, const jx_amount *a)
{
	if (unit != JX_MU_NONE)
		return unit;
	if (a && a->present && a->unit != JX_MU_NONE)
		return a->unit;
	return JX_MU_YUAN;
}

void jx_html_amount_td(jx_html_w *w, const jx_amount *a, jx_money_unit unit, bool bold, int colspan)
{
	jx_html_printf(w, "<td class=\"num%s\"", bold ? " b" : "");
	if (colspan > 1)
		jx_html_printf(w, " colspan=\"%d\"", colspan);
	jx_html_raw(w, ">");
	if (a && a->present) {
		char buf[64];
		jx_html_raw(w, jx_html_money(buf, a->fen, jx_html_unit_or(unit, a)));
	}
	jx_html_raw(w, "</td>");
}

void jx_html_table_label(jx_html_w *w, const jx_table *t)
{
	if (t->number > 0)
		jx_html_printf(w, "预算公开表%d ", t->number);
	if (t->title)
		jx_html_esc(w, t->title);
	else
		jx_html_raw(w, "未命名表");
}

const char *jx_html_project_name(const jx_project *p)
{
	return p->name && *p->name ? p->name : "未命名项目";
}

/* Print CSS: A4, a page per table, repeated headers, rows kept whole; serif CJK fonts for the forms. */
static const char page_css[] =
	"@page{size:A4;margin:13mm 14mm 13mm 14mm}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;background:#e9e9e6;color:#111;font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\","
	"\"Source Han Serif CN\",\"SimSun\",\"Songti SC\",\"STSong\",serif;font-size:10.5pt;line-height:1.45}\n"
	".sans,h1,h2,.toc,.tabno,.chart text{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
	"\"Source Han Sans CN\",\"Microsoft YaHei\",\"PingFang SC\",\"Heiti SC\",sans-serif}\n"
	".sheet{background:#fff;width:210mm;min-height:297mm;margin:8mm auto;padding:16mm 14mm;"
	"box-shadow:0 1px 4px rgba(0,0,0,.25)}\n"
	".cover{text-align:center;padding-top:60mm}\n"
	".cover h1{font-size:24pt;letter-spacing:.12em;margin:0 0 8mm}\n"
	".cover .dept{font-size:18pt;margin:0 0 10mm;letter-spacing:.06em}\n"
	".cover .year{font-size:14pt;margin:4mm 0 30mm}\n"
	".cover .doc{font-size:11pt;color:#444}\n"
	".toc h2{text-align:center}\n"
	".toc ol{list-style:none;padding:0;margin:0}\n"
	".toc{font-size:10pt}.toc li{margin:.4mm 0}\n"
	".toc li.h{font-weight:bold;margin-top:4mm}\n"
	".toc li.s{padding-left:2em}\n"
	".toc a{color:#111;text-decoration:none;border-bottom:1px dotted #999}\n"
	"h2{font-size:15pt;text-align:center;margin:0 0 3mm;font-weight:bold;letter-spacing:.04em}\n"
	"h3{font-size:11.5pt;margin:5mm 0 2mm}\n"
	".tabno{font-size:10pt;margin-bottom:2mm}\n"
	".meta{display:flex;justify-content:space-between;font-size:10pt;margin:0 0 1.5mm}\n"
	"table{width:100%;border-collapse:collapse;table-layout:fixed;margin:0 0 3mm}\n"
	"th,td{border:1px solid #222;padding:1.2mm 1.6mm;vertical-align:middle;overflow-wrap:anywhere}\n"
	"th{font-weight:bold;text-align:center;background:#f1f1ee}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	"tr.ih{break-after:avoid;page-break-after:avoid}\n"
	"table.join{margin-top:calc(-3mm - 1px)}\n"
	"table.data,table.form{font-size:10pt}\n"
	"table.data td,table.data th{padding:.7mm 1.4mm;line-height:1.3}\n"
	"td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;overflow-wrap:normal}\n"
	"td.val{text-align:right;white-space:nowrap}\n"
	"td.code{text-align:left;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
	"td.c{text-align:center}\n"
	"td.lab{text-align:center;font-weight:bold;background:#f7f7f4}\n"
	"td.lv2{padding-left:5mm}td.lv3{padding-left:9mm}td.lv4{padding-left:13mm}\n"
	"tr.total td,td.b{font-weight:bold}\n"
	"tr.group td{font-weight:bold;background:#fafaf7}\n"
	"td.empty{text-align:center;color:#555;padding:6mm}\n"
	".note{font-size:9.5pt;margin:1mm 0 3mm}\n"
	".chart{margin:2mm 0 6mm;break-inside:avoid;page-break-inside:avoid}\n"
	".chart svg{display:block;width:100%;height:auto}\n"
	".chart .cap{font-weight:bold;margin:0 0 1mm}\n"
	".findings td{font-size:9.5pt}\n"
	".findings .quote{margin-top:2pt;padding:1pt 4pt;border-left:2pt solid #bbb;color:#444;font-size:9pt;"
	"white-space:pre-wrap;word-break:break-all}\n"
	".sev-error{color:#a40000;font-weight:bold}.sev-warning{color:#8a5a00}.sev-info{color:#255}\n"
	"@media print{body{background:#fff}.sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none;"
	"break-before:page;page-break-before:always}.sheet:first-child{break-before:auto;page-break-before:auto}"
	".toc a{border:0}}\n";

/* The heading of the whole page: department, year and what this is. */
static void page_title(jx_html_w *w, const jx_pkg *pkg)
{
	if (pkg->dept.name)
		jx_html_esc_label(w, pkg->dept.name, strlen(pkg->dept.name));
	if (pkg->year > 0)
		jx_html_printf(w, "%d年", pkg->year);
	jx_html_raw(w, "部门预算及绩效目标");
}

static void write_cover(jx_html_w *w, const jx_pkg *pkg)
{
	jx_html_raw(w, "<section class=\"sheet cover\" id=\"cover\">\n");
	if (pkg->dept.name) {
		jx_html_raw(w, "<div class=\"dept\">");
		jx_html_esc(w, pkg->dept.name);
		jx_html_raw(w, "</div>\n");
	}
	jx_html_raw(w, "<h1>");
	if (pkg->year > 0)
		jx_html_printf(w, "%d年", pkg->year);
	jx_html_raw(w, "部门预算及绩效目标</h1>\n<div class=\"year\">");
	jx_html_esc(w, pkg->dept.region);
	jx_html_raw(w, "</div>\n");
	if (pkg->title) {
		jx_html_raw(w, "<div class=\"doc\">据：");
		jx_html_esc(w, pkg->title);
		jx_html_raw(w, "</div>\n");
	}
	jx_html_raw(w, "</section>\n");
}

static bool want_report(const jx_render_opts *o)
{
	return (o->what & JX_RENDER_REPORT) && o->report;
}

static void write_toc(jx_html_w *w, const jx_pkg *pkg, const jx_render_opts *o, bool charts)
{
	jx_html_raw(w, "<section class=\"sheet toc\" id=\"toc\">\n<h2>目　录</h2>\n<ol>\n");
	int part = 0;
	static const char *const nums[] = {"一", "二", "三", "四", "五", "六"};
	if (charts)
		jx_html_printf(w, "<li class=\"h\"><a href=\"#charts\">%s、预算概览（图）</a></li>\n", nums[part++]);
	if ((o->what & JX_RENDER_TABLES) && pkg->tables.n) {
		jx_html_printf(w, "<li class=\"h\">%s、部门预算公开表</li>\n", nums[part++]);
		for (size_t i = 0; i < pkg->tables.n; i++) {
			jx_html_printf(w, "<li class=\"s\"><a href=\"#tab-%zu\">", i + 1);
			jx_html_table_label(w, &pkg->tables.v[i]);
			jx_html_raw(w, "</a></li>\n");
		}
	}
	if ((o->what & JX_RENDER_OVERALL) && pkg->overall.present)
		jx_html_printf(w, "<li class=\"h\"><a href=\"#overall\">%s、部门整体支出绩效目标表</a></li>\n", nums[part++]);
	if ((o->what & JX_RENDER_TARGETS) && (pkg->projects.n || pkg->funds.n)) {
		jx_html_printf(w, "<li class=\"h\">%s、项目支出绩效目标表</li>\n", nums[part++]);
		for (size_t i = 0; i < pkg->funds.n; i++) {
			jx_html_printf(w, "<li class=\"s\"><a href=\"#fund-%zu\">", i + 1);
			jx_html_esc(w, pkg->funds.v[i].title ? pkg->funds.v[i].title : "专项资金绩效目标汇总表");
			jx_html_raw(w, "</a></li>\n");
		}
		for (size_t i = 0; i < pkg->projects.n; i++) {
			jx_html_printf(w, "<li class=\"s\"><a href=\"#proj-%zu\">%zu. ", i + 1, i + 1);
			jx_html_esc(w, jx_html_project_name(&pkg->projects.v[i]));
			jx_html_raw(w, "</a></li>\n");
		}
	}
	if (want_report(o))
		jx_html_printf(w, "<li class=\"h\"><a href=\"#report\">%s、审核意见</a></li>\n", nums[part++]);
	jx_html_raw(w, "</ol>\n</section>\n");
}

static const char *sev_word(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR: return "错误";
	case JX_SEV_WARNING: return "警告";
	case JX_SEV_INFO: return "提示";
	case JX_SEV_OFF: break;
	}
	return "关闭";
}

/* The source line a finding about one item (an indicator, a detail line) points at, when its document is attached
 * to the report, so that a printed report shows what was written. Findings about a whole project point at the
 * start of its table, and a line of a few characters is a cell of a form (一, 年初预算数): neither is worth quoting
 * (jx check --format html shows the lines around). Long lines are cut on a character boundary. */
static void quote_source(jx_html_w *w, const jx_report *r, const jx_finding *f)
{
	enum { QUOTE_MAX = 240, QUOTE_MIN_CHARS = 4 };
	if (!f->item)
		return;
	size_t len = 0;
	const char *line = jx_report_source_line(r, f->src.file, f->src.line, &len);
	while (line && len && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	size_t chars = 0;
	for (size_t i = 0; line && i < len; i++)
		chars += ((unsigned char)line[i] & 0xC0) != 0x80;
	if (!line || chars < QUOTE_MIN_CHARS)
		return;
	/* Only a line that is about the item: it holds the item's text, or is a part of it (a wrapped cell). */
	size_t il = strlen(f->item);
	bool about = memmem(line, len, f->item, il) != NULL;
	if (!about && len <= il)
		about = memmem(f->item, il, line, len) != NULL;
	if (!about)
		return;
	bool cut = len > QUOTE_MAX;
	if (cut) {
		len = QUOTE_MAX;
		while (len && ((unsigned char)line[len] & 0xC0) == 0x80)
			len--;
	}
	jx_html_raw(w, "<div class=\"quote\">原文：");
	jx_html_escn(w, line, len);
	jx_html_raw(w, cut ? "……</div>" : "</div>");
}

/* The review findings as a table; the full standalone report stays with jx check --format html. */
static void write_report(jx_html_w *w, const jx_report *r)
{
	size_t n = jx_report_count(r);
	jx_html_raw(w, "<section class=\"sheet\" id=\"report\">\n<h2>审核意见</h2>\n");
	jx_html_printf(w, "<p class=\"note\">共 %zu 条：错误 %zu 条，警告 %zu 条，提示 %zu 条。</p>\n", n,
		       jx_report_count_severity(r, JX_SEV_ERROR), jx_report_count_severity(r, JX_SEV_WARNING),
		       jx_report_count_severity(r, JX_SEV_INFO));
	if (n == 0) {
		jx_html_raw(w, "<p>未发现问题。</p>\n</section>\n");
		return;
	}
	jx_html_raw(w, "<table class=\"findings\">\n<colgroup><col style=\"width:7%\"><col style=\"width:17%\">"
		       "<col style=\"width:20%\"><col style=\"width:44%\"><col style=\"width:12%\"></colgroup>\n"
		       "<thead><tr><th>级别</th><th>规则</th><th>对象</th><th>问题</th><th>位置</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const jx_finding *f = jx_report_at(r, i);
		const char *sev = jx_severity_name(f->severity);
		jx_html_printf(w, "<tr><td class=\"c sev-%s\">%s</td><td class=\"code\">", sev ? sev : "off",
			       sev_word(f->severity));
		jx_html_esc(w, f->rule ? f->rule->id : "");
		jx_html_raw(w, "</td><td>");
		jx_html_esc(w, f->subject ? f->subject : "部门整体与其他");
		if (f->item) {
			jx_html_raw(w, "<br>");
			jx_html_esc(w, f->item);
		}
		jx_html_raw(w, "</td><td>");
		jx_html_esc(w, f->message);
		if (f->detail) {
			jx_html_raw(w, "<br><span class=\"note\">");
			jx_html_esc(w, f->detail);
			jx_html_raw(w, "</span>");
		}
		quote_source(w, r, f);
		jx_html_raw(w, "</td><td class=\"c\">");
		if (f->src.line)
			jx_html_printf(w, "第%u行", (unsigned)f->src.line);
		if (f->src.page)
			jx_html_printf(w, "%s第%u页", f->src.line ? "，" : "", (unsigned)f->src.page);
		jx_html_raw(w, "</td></tr>\n");
	}
	jx_html_raw(w, "</tbody></table>\n</section>\n");
}

int jx_render_html_(const jx_pkg *pkg, const jx_render_opts *opts, char **out, size_t *len)
{
	if (!pkg)
		return jx_error_set(JX_EINVAL, "没有可输出的预算包");
	const jx_render_opts *o = opts;
	bool tables = (o->what & JX_RENDER_TABLES) && pkg->tables.n;
	bool overall = (o->what & JX_RENDER_OVERALL) && pkg->overall.present;
	bool projects = (o->what & JX_RENDER_TARGETS) && (pkg->projects.n || pkg->funds.n);
	bool report = want_report(o);
	if ((o->what & JX_RENDER_REPORT) && !o->report)
		return jx_error_set(JX_EINVAL, "输出审核意见需要先审核（缺少审核结果）");
	if (!tables && !overall && !projects && !report)
		return jx_error_set(JX_EINVAL, "预算包中没有所选的内容可以输出");
	/* Charts belong to the budget itself, so they come with the tables or targets, not with a bare report. */
	jx_html_w w = {JX_BUF_INIT, 0};
	bool charts = !o->no_charts && (o->what & (JX_RENDER_TABLES | JX_RENDER_TARGETS)) &&
		      jx_html_charts(&w, pkg, false);

	jx_html_raw(&w, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			"<meta name=\"generator\" content=\"jx " JX_VERSION "\">\n<title>");
	page_title(&w, pkg);
	jx_html_raw(&w, "</title>\n<style>\n");
	jx_html_raw(&w, page_css);
	jx_html_raw(&w, "</style>\n</head>\n<body>\n");
	write_cover(&w, pkg);
	write_toc(&w, pkg, o, charts);
	if (charts)
		jx_html_charts(&w, pkg, true);
	if (tables)
		jx_html_tables(&w, pkg);
	if (overall)
		jx_html_overall(&w, pkg);
	if (projects)
		jx_html_projects(&w, pkg);
	if (report)
		write_report(&w, o->report);
	jx_html_raw(&w, "</body>\n</html>\n");
	if (w.rc) {
		jx_buf_release(&w.b);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	*out = jx_buf_detach(&w.b, len);
	return 0;
}
