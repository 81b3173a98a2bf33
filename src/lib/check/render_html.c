/* render_html.c: the review report as one standalone HTML page a reviewer can print or send back to the department. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"

#define HTML_TITLE "绩效目标审核意见"
#define NO_SUBJECT "部门整体与其他"

/* Writer: the first failed append is remembered and everything after it is skipped. */
typedef struct html_w {
	jx_buf *out;
	int rc;
	bool quote; /* show source excerpts (off with JX_REPORT_NO_QUOTE) */
} html_w;

static void hw_raw(html_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = jx_buf_puts(w->out, s);
}

static void hw_printf(html_w *w, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void hw_printf(html_w *w, const char *fmt, ...)
{
	if (w->rc != 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	w->rc = jx_buf_vprintf(w->out, fmt, ap);
	va_end(ap);
}

/* Escapes s[0..len) for text and attribute values; invalid UTF-8 bytes and control characters (other than tab)
 * become U+FFFD so the page stays well-formed whatever the document contained. */
static void hw_escn(html_w *w, const char *s, size_t len)
{
	if (w->rc == 0)
		w->rc = jx_buf_put_html(w->out, s, len, 0);
}

static void hw_esc(html_w *w, const char *s)
{
	if (s)
		hw_escn(w, s, strlen(s));
}

static const char *sev_class(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR:
		return "error";
	case JX_SEV_WARNING:
		return "warning";
	case JX_SEV_INFO:
		return "info";
	case JX_SEV_OFF:
		break;
	}
	return "off";
}

static const char *sev_word(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR:
		return "错误";
	case JX_SEV_WARNING:
		return "警告";
	case JX_SEV_INFO:
		return "提示";
	case JX_SEV_OFF:
		break;
	}
	return "关闭";
}

static const char CSS[] =
	"@page { size: A4; margin: 15mm; }\n"
	"* { box-sizing: border-box; }\n"
	"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", "
	"\"SimSun\", sans-serif; font-size: 10.5pt; line-height: 1.6; color: #111; margin: 0 auto; max-width: 60em; "
	"padding: 1em; }\n"
	"h1 { font-size: 18pt; margin: 0 0 .3em; }\n"
	"h1.package { font-size: 14pt; border-bottom: 2px solid #333; margin-top: 1.5em; page-break-after: avoid; "
	"break-after: avoid; }\n"
	"h2 { font-size: 12pt; margin: 1em 0 .4em; border-left: 4px solid #555; padding-left: .4em; "
	"page-break-after: avoid; break-after: avoid; }\n"
	"table.summary { border-collapse: collapse; margin: .5em 0 1em; }\n"
	"table.summary th, table.summary td { border: 1px solid #999; padding: .2em .6em; text-align: left; }\n"
	"table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
	"nav.toc ol { margin: .2em 0; padding-left: 1.5em; }\n"
	"nav.toc a { color: #114; text-decoration: none; }\n"
	".ok { font-size: 13pt; font-weight: bold; border: 2px solid #2a7; padding: .5em 1em; display: inline-block; }\n"
	".finding { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: .8em; "
	"border: 1px solid #bbb; border-left-width: 6px; padding: .5em .7em; margin: .5em 0; "
	"page-break-inside: avoid; break-inside: avoid; }\n"
	".finding.nq { grid-template-columns: minmax(0, 1fr); }\n"
	".finding.error { border-left-color: #c00; border-left-style: solid; }\n"
	".finding.warning { border-left-color: #d80; border-left-style: double; }\n"
	".finding.info { border-left-color: #07c; border-left-style: dotted; }\n"
	".badge { display: inline-block; padding: 0 .45em; border-radius: 3px; font-weight: bold; "
	"border: 1px solid #000; }\n"
	".badge.error { background: #c00; color: #fff; }\n"
	".badge.warning { background: #fd8; color: #000; border-style: dashed; }\n"
	".badge.info { background: #def; color: #000; border-style: dotted; }\n"
	".head code { font-size: 9pt; color: #333; }\n"
	".loc { color: #444; font-size: 9pt; }\n"
	".msg { margin: .3em 0; }\n"
	".item, .detail { margin: .2em 0; color: #333; }\n"
	"table.nums { border-collapse: collapse; margin: .3em 0; }\n"
	"table.nums th, table.nums td { border: 1px solid #ccc; padding: .1em .5em; text-align: left; }\n"
	"table.nums td { font-variant-numeric: tabular-nums; }\n"
	"pre.src { margin: 0; padding: .4em; tab-size: 4; background: #f6f6f6; border: 1px solid #ddd; white-space: pre-wrap; "
	"word-break: break-all; font-size: 9pt; font-family: \"Noto Sans Mono CJK SC\", \"Noto Sans CJK SC\", "
	"\"Microsoft YaHei\", monospace; }\n"
	"pre.src .ln { color: #888; user-select: none; }\n"
	"pre.src .hit { font-weight: bold; background: #fff3b0; }\n"
	"pre.src mark { background: #fc6; text-decoration: underline; }\n"
	".nosrc { color: #888; font-size: 9pt; }\n"
	"@media print { body { max-width: none; padding: 0; } nav.toc { page-break-after: always; break-after: page; } "
	"a { color: inherit; } }\n";

/* Number of packages to show: the names recorded, or more if findings point past them. */
static size_t package_count(const jx_report *r)
{
	size_t np = jx_report_packages(r);
	size_t n = jx_report_count(r);
	for (size_t i = 0; i < n; i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (f->pkg_index >= 0 && (size_t)f->pkg_index >= np)
			np = (size_t)f->pkg_index + 1;
	}
	return np;
}

static bool in_package(const jx_finding *f, size_t p)
{
	/* A negative index (never expected) is shown with the first package rather than lost. */
	return f->pkg_index < 0 ? p == 0 : (size_t)f->pkg_index == p;
}

static bool same_subject(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static void package_title(html_w *w, const jx_report *r, size_t p)
{
	const char *name = jx_report_package_name(r, p);
	if (name && name[0])
		hw_esc(w, name);
	else
		hw_printf(w, "材料 %zu", p + 1);
}

/* The groups of package p: index of the first finding of each distinct subject, subjects in order of first
 * appearance and the subject-less group last. Returns the count; *groups is malloc'ed (NULL when empty). */
static int package_groups(const jx_report *r, size_t p, size_t **groups, size_t *ngroups)
{
	size_t n = jx_report_count(r);
	*groups = NULL;
	*ngroups = 0;
	if (n == 0)
		return 0;
	size_t *g = malloc(n * sizeof *g);
	if (!g)
		return JX_ENOMEM;
	size_t k = 0;
	size_t none = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (!in_package(f, p))
			continue;
		if (!f->subject) {
			if (none == SIZE_MAX)
				none = i;
			continue;
		}
		bool seen = false;
		for (size_t j = 0; j < k && !seen; j++)
			seen = same_subject(jx_report_at(r, g[j])->subject, f->subject);
		if (!seen)
			g[k++] = i;
	}
	if (none != SIZE_MAX)
		g[k++] = none;
	*groups = g;
	*ngroups = k;
	return 0;
}

static void write_counts_row(html_w *w, const size_t c[3])
{
	hw_printf(w, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>", c[2], c[1], c[0]);
}

static void write_summary(html_w *w, const jx_report *r, size_t np)
{
	hw_raw(w, "<table class=\"summary\">\n<thead><tr><th>审核材料</th><th>错误</th><th>警告</th><th>提示</th>"
		  "</tr></thead>\n<tbody>\n");
	size_t n = jx_report_count(r);
	for (size_t p = 0; p < np; p++) {
		size_t c[3] = {0, 0, 0};
		for (size_t i = 0; i < n; i++) {
			const jx_finding *f = jx_report_at(r, i);
			if (in_package(f, p) && f->severity >= JX_SEV_INFO && f->severity <= JX_SEV_ERROR)
				c[(size_t)f->severity]++;
		}
		hw_raw(w, "<tr><td>");
		package_title(w, r, p);
		hw_raw(w, "</td>");
		write_counts_row(w, c);
		hw_raw(w, "</tr>\n");
	}
	hw_raw(w, "</tbody>\n");
	if (np != 1) {
		size_t c[3] = {jx_report_count_severity(r, JX_SEV_INFO), jx_report_count_severity(r, JX_SEV_WARNING),
			       jx_report_count_severity(r, JX_SEV_ERROR)};
		hw_raw(w, "<tfoot><tr><th>合计</th>");
		write_counts_row(w, c);
		hw_raw(w, "</tr></tfoot>\n");
	}
	hw_raw(w, "</table>\n");
	hw_printf(w,
		  "<p class=\"totals\">共发现问题 %zu 条：<span class=\"badge error\">错误</span> %zu 条，"
		  "<span class=\"badge warning\">警告</span> %zu 条，<span class=\"badge info\">提示</span> %zu 条。</p>\n",
		  n, jx_report_count_severity(r, JX_SEV_ERROR), jx_report_count_severity(r, JX_SEV_WARNING),
		  jx_report_count_severity(r, JX_SEV_INFO));
}

/* Lines are shown with their number; the finding's line is marked and, when the column span fits, the span too. */
static void write_src_line(html_w *w, const jx_finding *f, uint32_t line, const char *text, size_t len, bool hit)
{
	hw_printf(w, "<span class=\"%s\"><span class=\"ln\">%5u │ </span>", hit ? "hit" : "ctx", (unsigned)line);
	size_t start = f->src.col > 0 ? f->src.col - 1 : 0;
	size_t end = start + f->src.len;
	/* Only mark a span that lies inside the line on character boundaries. */
	if (hit && f->src.col > 0 && f->src.len > 0 && end <= len && end > start &&
	    ((unsigned char)text[start] & 0xC0) != 0x80 && (end == len || ((unsigned char)text[end] & 0xC0) != 0x80)) {
		hw_escn(w, text, start);
		hw_raw(w, "<mark>");
		hw_escn(w, text + start, end - start);
		hw_raw(w, "</mark>");
		hw_escn(w, text + end, len - end);
	} else {
		hw_escn(w, text, len);
	}
	hw_raw(w, "</span>\n");
}

static void write_source(html_w *w, const jx_report *r, const jx_finding *f)
{
	size_t len = 0;
	const char *text =
		f->src.file && f->src.line > 0 ? jx_report_source_line(r, f->src.file, f->src.line, &len) : NULL;
	if (!text) {
		hw_raw(w, f->src.file && f->src.line > 0 ? "<div class=\"excerpt\"><p class=\"nosrc\">（未附原文）</p></div>\n"
							 : "<div class=\"excerpt\"><p class=\"nosrc\">（无原文行号）</p></div>\n");
		return;
	}
	hw_raw(w, "<div class=\"excerpt\"><pre class=\"src\">");
	size_t blen = 0;
	const char *before = f->src.line > 1 ? jx_report_source_line(r, f->src.file, f->src.line - 1, &blen) : NULL;
	/* Empty neighbours (blank lines, the end of the file) add nothing to the excerpt. */
	if (before && blen > 0)
		write_src_line(w, f, f->src.line - 1, before, blen, false);
	write_src_line(w, f, f->src.line, text, len, true);
	size_t alen = 0;
	const char *after =
		f->src.line < UINT32_MAX ? jx_report_source_line(r, f->src.file, f->src.line + 1, &alen) : NULL;
	if (after && alen > 0)
		write_src_line(w, f, f->src.line + 1, after, alen, false);
	hw_raw(w, "</pre></div>\n");
}

static void write_finding(html_w *w, const jx_report *r, const jx_finding *f)
{
	const char *cls = sev_class(f->severity);
	hw_printf(w, w->quote ? "<div class=\"finding %s\">" : "<div class=\"finding nq %s\">", cls);
	hw_printf(w, "\n<div class=\"body\">\n<p class=\"head\"><span class=\"badge %s\">%s</span> ", cls,
		  sev_word(f->severity));
	hw_raw(w, "<code class=\"rule\">");
	hw_esc(w, f->rule && f->rule->id ? f->rule->id : "unknown");
	hw_raw(w, "</code>");
	if (f->src.file && f->src.file[0]) {
		hw_raw(w, " <span class=\"loc\">");
		hw_esc(w, f->src.file);
		if (f->src.line > 0)
			hw_printf(w, ":%u", (unsigned)f->src.line);
		if (f->src.page > 0)
			hw_printf(w, "（第 %u 页）", (unsigned)f->src.page);
		hw_raw(w, "</span>");
	}
	hw_raw(w, "</p>\n<p class=\"msg\">");
	hw_esc(w, f->message ? f->message : (f->rule ? f->rule->title : ""));
	hw_raw(w, "</p>\n");
	if (f->item && *f->item) {
		hw_raw(w, "<p class=\"item\">涉及：");
		hw_esc(w, f->item);
		hw_raw(w, "</p>\n");
	}
	if (f->numeric) {
		char e[64], a[64], d[64];
		hw_raw(w, "<table class=\"nums\"><tr><th>应为</th><td>");
		hw_esc(w, jx_finding_expected_str(f, e));
		hw_raw(w, "</td></tr><tr><th>实为</th><td>");
		hw_esc(w, jx_finding_actual_str(f, a));
		hw_raw(w, "</td></tr>");
		const char *ds = jx_finding_diff_str(f, d);
		if (ds && ds[0]) {
			hw_raw(w, "<tr><th>相差</th><td>");
			hw_esc(w, ds);
			hw_raw(w, "</td></tr>");
		}
		hw_raw(w, "</table>\n");
	}
	/* Some templates are just "{detail}": do not say it twice. */
	if (f->detail && !(f->message && strstr(f->message, f->detail))) {
		hw_raw(w, "<p class=\"detail\">说明：");
		hw_esc(w, f->detail);
		hw_raw(w, "</p>\n");
	}
	hw_raw(w, "</div>\n");
	if (w->quote)
		write_source(w, r, f);
	hw_raw(w, "</div>\n");
}

/* Writes the table of contents (toc = true) or the sections of package p. */
static int write_package(html_w *w, const jx_report *r, size_t p, bool toc)
{
	size_t *groups = NULL, ng = 0;
	if (package_groups(r, p, &groups, &ng) != 0)
		return JX_ENOMEM;
	size_t n = jx_report_count(r);
	if (toc) {
		hw_raw(w, "<li>");
		package_title(w, r, p);
		if (ng > 0)
			hw_raw(w, "\n<ol>\n");
	} else {
		hw_printf(w, "<article class=\"package\" id=\"p%zu\">\n<h1 class=\"package\">", p + 1);
		package_title(w, r, p);
		hw_raw(w, "</h1>\n");
		if (ng == 0)
			hw_raw(w, "<p class=\"ok\">未发现问题</p>\n");
	}
	for (size_t g = 0; g < ng && w->rc == 0; g++) {
		const char *subject = jx_report_at(r, groups[g])->subject;
		size_t count = 0;
		for (size_t i = groups[g]; i < n; i++) {
			const jx_finding *f = jx_report_at(r, i);
			count += in_package(f, p) && same_subject(f->subject, subject);
		}
		if (toc) {
			hw_printf(w, "<li><a href=\"#g%zu-%zu\">", p + 1, g + 1);
			hw_esc(w, subject ? subject : NO_SUBJECT);
			hw_printf(w, "</a>（%zu 条）</li>\n", count);
			continue;
		}
		hw_printf(w, "<section class=\"group\" id=\"g%zu-%zu\">\n<h2>", p + 1, g + 1);
		hw_esc(w, subject ? subject : NO_SUBJECT);
		hw_printf(w, "（%zu 条）</h2>\n", count);
		for (size_t i = groups[g]; i < n && w->rc == 0; i++) {
			const jx_finding *f = jx_report_at(r, i);
			if (in_package(f, p) && same_subject(f->subject, subject))
				write_finding(w, r, f);
		}
		hw_raw(w, "</section>\n");
	}
	if (toc)
		hw_raw(w, ng > 0 ? "</ol></li>\n" : "</li>\n");
	else
		hw_raw(w, "</article>\n");
	free(groups);
	return 0;
}

int jx_render_html(const jx_report *r, unsigned flags, jx_buf *out)
{
	html_w w = {out, 0, !(flags & JX_REPORT_NO_QUOTE)};
	size_t np = package_count(r);
	size_t n = jx_report_count(r);

	hw_raw(&w, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<meta name=\"generator\" content=\"jx " JX_VERSION "\">\n"
		   "<title>" HTML_TITLE "</title>\n<style>\n");
	hw_raw(&w, CSS);
	hw_raw(&w, "</style>\n</head>\n<body>\n<header>\n<h1>" HTML_TITLE "</h1>\n");
	write_summary(&w, r, np);
	hw_raw(&w, "</header>\n");

	if (n == 0) {
		hw_raw(&w, "<main>\n<p class=\"ok\">未发现问题</p>\n</main>\n");
	} else {
		hw_raw(&w, "<nav class=\"toc\">\n<h2>目录</h2>\n<ol>\n");
		for (size_t p = 0; p < np && w.rc == 0; p++)
			if (write_package(&w, r, p, true) != 0)
				w.rc = JX_ENOMEM;
		hw_raw(&w, "</ol>\n</nav>\n<main>\n");
		for (size_t p = 0; p < np && w.rc == 0; p++)
			if (write_package(&w, r, p, false) != 0)
				w.rc = JX_ENOMEM;
		hw_raw(&w, "</main>\n");
	}
	hw_raw(&w, "<footer><p class=\"loc\">本意见由 jx " JX_VERSION
		   " 自动审核生成，规则说明见各规则编号对应的文档。</p></footer>\n</body>\n</html>\n");
	if (w.rc == JX_ELIMIT)
		return jx_error_set(JX_ELIMIT, "无法生成 HTML 报告：超过输出大小上限");
	if (w.rc != 0)
		return jx_error_set(JX_ENOMEM, "无法生成 HTML 报告：内存不足");
	return 0;
}
