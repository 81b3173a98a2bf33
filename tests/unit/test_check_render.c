/* test_check_render.c: the SARIF and HTML renderings of review findings (structure, escaping, numbers, excerpts). */
/* GCC 12 at -O2 reports strstr() results into the rendered buffer as dangling (a false positive: the buffer lives
 * until free() at the end of each test). */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check/check_int.h"
#include "jx/check.h"
#include "jx/import.h"
#include "testutil.h"

#define FILE_A "材料 一.txt"
#define FILE_A_URI "%E6%9D%90%E6%96%99%20%E4%B8%80.txt"
#define SUBJECT_A "A<&>B项目"
#define LINE2 "资金来源合计 <b>30.41</b> 万元"

static const char SOURCE_A[] = "第一行\n" LINE2 "\r\n第三行\n";

static jx_src at(const char *file, uint32_t line, uint32_t col, uint32_t len)
{
	jx_src s = {file, 0, line, col, len};
	return s;
}

/* Four findings in package 0 (error, info, warning, info without location) and one in package 1. */
static jx_report *build_report(void)
{
	jx_report *r = jx_report_new();
	assert_non_null(r);
	assert_int_equal(jx_report_begin(r, "甲单位 2024.txt"), 0);
	assert_int_equal(jx_report_attach_source(r, FILE_A, SOURCE_A, strlen(SOURCE_A)), 0);

	const char *num = strstr(LINE2, "30.41");
	jx_finding f1 = {
		.rule = jx_rule_find("calc.funding-sum"),
		.severity = JX_SEV_ERROR,
		.subject = SUBJECT_A,
		.item = "预算金额",
		.src = at(FILE_A, 2, (uint32_t)(num - LINE2) + 1, 5),
		.numeric = true,
		.expected = {30410000, 2}, /* yuan */
		.actual = {31410000, 2},
		.unit = "元",
		.shown_unit = JX_MU_WANYUAN,
		.shown_scale = 2,
		.pkg_index = 0,
	};
	assert_non_null(f1.rule);
	assert_int_equal(jx_report_add(r, &f1), 0);

	jx_finding f2 = {
		.rule = jx_rule_find("calc.rounding"),
		.severity = JX_SEV_INFO,
		.message = "百分比相差在四舍五入范围内",
		.subject = SUBJECT_A,
		.item = "满意度\xff",
		.src = at(FILE_A, 3, 0, 0),
		.numeric = true,
		.expected = {955, 1},
		.actual = {95, 0},
		.unit = "%",
		.pkg_index = 0,
	};
	assert_non_null(f2.rule);
	assert_int_equal(jx_report_add(r, &f2), 0);

	jx_finding f3 = {
		.rule = jx_rule_find("complete.no-satisfaction"),
		.severity = JX_SEV_WARNING,
		.message = "项目\"乙\"缺少'满意度'指标",
		.subject = "乙项目",
		.src = at(FILE_A, 0, 0, 0),
		.pkg_index = 0,
	};
	assert_non_null(f3.rule);
	assert_int_equal(jx_report_add(r, &f3), 0);

	jx_finding f4 = {
		.rule = jx_rule_find("pkg.import-note"),
		.severity = JX_SEV_INFO,
		.detail = "第 9 页无法识别",
		.pkg_index = 0,
	};
	assert_non_null(f4.rule);
	assert_int_equal(jx_report_add(r, &f4), 0);

	assert_int_equal(jx_report_begin(r, "乙单位.txt"), 0);
	jx_finding f5 = f3;
	f5.message = NULL;
	f5.subject = "丙项目";
	f5.src = at("other/乙单位.txt", 7, 0, 0);
	f5.pkg_index = 1;
	assert_int_equal(jx_report_add(r, &f5), 0);
	return r;
}

static char *render_flags(const jx_report *r, jx_report_format fmt, unsigned flags)
{
	char *s = NULL;
	size_t len = 0;
	assert_int_equal(jx_report_render(r, fmt, flags, &s, &len), 0);
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

static char *render(const jx_report *r, jx_report_format fmt) { return render_flags(r, fmt, 0); }

static json_t *parse_sarif(const char *s)
{
	json_error_t e;
	json_t *root = json_loads(s, 0, &e);
	if (!root)
		fail_msg("SARIF does not parse: %s at line %d", e.text, e.line);
	assert_string_equal(json_string_value(json_object_get(root, "version")), "2.1.0");
	assert_string_equal(json_string_value(json_object_get(root, "$schema")),
			    "https://json.schemastore.org/sarif-2.1.0.json");
	json_t *runs = json_object_get(root, "runs");
	assert_true(json_is_array(runs));
	assert_int_equal(json_array_size(runs), 1);
	json_t *driver = json_object_get(json_object_get(json_array_get(runs, 0), "tool"), "driver");
	assert_string_equal(json_string_value(json_object_get(driver, "name")), "jx");
	assert_string_equal(json_string_value(json_object_get(driver, "version")), JX_VERSION);
	json_t *rules = json_object_get(driver, "rules");
	assert_int_equal(json_array_size(rules), jx_rule_count());
	return root;
}

static json_t *jpath(json_t *j, const char *const *keys)
{
	for (; *keys && j; keys++) {
		char *end = NULL;
		long idx = strtol(*keys, &end, 10);
		j = (end && *end == '\0' && end != *keys) ? json_array_get(j, (size_t)idx) : json_object_get(j, *keys);
	}
	return j;
}
#define P(j, ...) jpath((j), (const char *const[]){__VA_ARGS__, NULL})

static void test_sarif(void **state)
{
	(void)state;
	jx_report *r = build_report();
	char *s = render(r, JX_REPORT_SARIF);
	json_t *root = parse_sarif(s);
	json_t *run = P(root, "runs", "0");
	json_t *results = json_object_get(run, "results");
	assert_int_equal(json_array_size(results), 5);
	/* UTF-8 is kept as is, not \u-escaped. */
	assert_non_null(strstr(s, "\"" SUBJECT_A "\""));

	/* Result 0: the numeric error with a column span. */
	json_t *r0 = json_array_get(results, 0);
	assert_string_equal(json_string_value(json_object_get(r0, "ruleId")), "calc.funding-sum");
	assert_string_equal(json_string_value(json_object_get(r0, "level")), "error");
	json_int_t ri = json_integer_value(json_object_get(r0, "ruleIndex"));
	assert_string_equal(json_string_value(P(run, "tool", "driver", "rules", "0", "id")), jx_rule_at(0)->id);
	assert_string_equal(jx_rule_at((size_t)ri)->id, "calc.funding-sum");
	char rib[24];
	snprintf(rib, sizeof rib, "%lld", (long long)ri);
	assert_string_equal(json_string_value(P(run, "tool", "driver", "rules", rib, "id")), "calc.funding-sum");
	assert_string_equal(json_string_value(P(run, "tool", "driver", "rules", rib, "defaultConfiguration", "level")),
			    "error");
	assert_string_equal(json_string_value(P(run, "tool", "driver", "rules", rib, "properties", "doc")),
			    "docs/rules/calc.funding-sum.md");
	assert_string_equal(json_string_value(P(run, "tool", "driver", "rules", rib, "fullDescription", "text")),
			    jx_rule_find("calc.funding-sum")->message);
	const char *msg = json_string_value(P(r0, "message", "text"));
	assert_non_null(msg);
	assert_string_equal(msg, jx_report_at(r, 0)->message);
	assert_non_null(strstr(msg, SUBJECT_A));
	json_t *phys = P(r0, "locations", "0", "physicalLocation");
	assert_string_equal(json_string_value(P(phys, "artifactLocation", "uri")), FILE_A_URI);
	assert_int_equal(json_integer_value(P(phys, "artifactLocation", "index")), 0);
	assert_int_equal(json_integer_value(P(phys, "region", "startLine")), 2);
	/* "资金来源合计 <b>" is 10 code points, so 30.41 spans columns 11..15. */
	assert_int_equal(json_integer_value(P(phys, "region", "startColumn")), 11);
	assert_int_equal(json_integer_value(P(phys, "region", "endColumn")), 16);
	assert_string_equal(json_string_value(P(phys, "region", "snippet", "text")), "30.41");
	assert_string_equal(json_string_value(P(phys, "contextRegion", "snippet", "text")), LINE2);
	assert_string_equal(json_string_value(P(r0, "locations", "0", "logicalLocations", "0", "name")), SUBJECT_A);
	json_t *props = json_object_get(r0, "properties");
	assert_string_equal(json_string_value(json_object_get(props, "subject")), SUBJECT_A);
	assert_string_equal(json_string_value(json_object_get(props, "item")), "预算金额");
	assert_string_equal(json_string_value(json_object_get(props, "unit")), "元");
	assert_true(json_is_integer(json_object_get(props, "expected")));
	assert_int_equal(json_integer_value(json_object_get(props, "expected")), 304100);
	assert_int_equal(json_integer_value(json_object_get(props, "actual")), 314100);
	assert_string_equal(json_string_value(json_object_get(props, "package")), "甲单位 2024.txt");
	const char *fp0 = json_string_value(P(r0, "partialFingerprints", "jx/v1"));
	assert_non_null(fp0);
	assert_int_equal(strlen(fp0), 16);

	/* Result 1: info is "note"; a fractional number stays a number; invalid UTF-8 is replaced, not dropped. */
	json_t *r1 = json_array_get(results, 1);
	assert_string_equal(json_string_value(json_object_get(r1, "level")), "note");
	assert_true(json_is_real(P(r1, "properties", "expected")));
	assert_true(json_real_value(P(r1, "properties", "expected")) == 95.5);
	assert_int_equal(json_integer_value(P(r1, "properties", "actual")), 95);
	assert_string_equal(json_string_value(P(r1, "properties", "item")), "满意度\xEF\xBF\xBD");
	assert_int_equal(json_integer_value(P(r1, "locations", "0", "physicalLocation", "region", "startLine")), 3);
	assert_null(P(r1, "locations", "0", "physicalLocation", "region", "startColumn"));
	const char *fp1 = json_string_value(P(r1, "partialFingerprints", "jx/v1"));
	assert_string_not_equal(fp0, fp1);

	/* Result 2: warning without a line: an artifact but no region. */
	json_t *r2 = json_array_get(results, 2);
	assert_string_equal(json_string_value(json_object_get(r2, "level")), "warning");
	assert_string_equal(json_string_value(P(r2, "locations", "0", "physicalLocation", "artifactLocation", "uri")),
			    FILE_A_URI);
	assert_null(P(r2, "locations", "0", "physicalLocation", "region"));
	assert_null(P(r2, "properties", "expected"));

	/* Result 3: no file, no subject: no locations at all; the message is the detail. */
	json_t *r3 = json_array_get(results, 3);
	assert_null(json_object_get(r3, "locations"));
	assert_string_equal(json_string_value(P(r3, "message", "text")), "第 9 页无法识别");
	assert_string_equal(json_string_value(P(r3, "properties", "detail")), "第 9 页无法识别");

	/* Result 4: second package, path with a directory. */
	json_t *r4 = json_array_get(results, 4);
	assert_string_equal(json_string_value(P(r4, "locations", "0", "physicalLocation", "artifactLocation", "uri")),
			    "other/%E4%B9%99%E5%8D%95%E4%BD%8D.txt");
	assert_int_equal(json_integer_value(P(r4, "locations", "0", "physicalLocation", "artifactLocation", "index")), 1);
	assert_string_equal(json_string_value(P(r4, "properties", "package")), "乙单位.txt");

	/* Distinct artifacts. */
	json_t *arts = json_object_get(run, "artifacts");
	assert_int_equal(json_array_size(arts), 2);
	assert_string_equal(json_string_value(P(arts, "0", "location", "uri")), FILE_A_URI);

	/* Same report, same bytes (fingerprints and order are stable). */
	char *again = render(r, JX_REPORT_SARIF);
	assert_string_equal(s, again);
	free(again);

	json_decref(root);
	free(s);
	jx_report_free(r);
}

static void test_sarif_empty(void **state)
{
	(void)state;
	jx_report *r = jx_report_new();
	assert_non_null(r);
	char *s = render(r, JX_REPORT_SARIF);
	json_t *root = parse_sarif(s);
	json_t *results = P(root, "runs", "0", "results");
	assert_true(json_is_array(results));
	assert_int_equal(json_array_size(results), 0);
	assert_null(P(root, "runs", "0", "artifacts"));
	json_decref(root);
	free(s);
	jx_report_free(r);
}

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_html(void **state)
{
	(void)state;
	jx_report *r = build_report();
	char *s = render(r, JX_REPORT_HTML);

	assert_true(strncmp(s, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) == 0);
	assert_non_null(strstr(s, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(s, "<title>绩效目标审核意见</title>"));
	assert_non_null(strstr(s, "@page { size: A4; margin: 15mm; }"));
	assert_non_null(strstr(s, "\"Noto Sans CJK SC\""));
	/* Standalone: no scripts, no external resources. */
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "<link"));
	assert_null(strstr(s, "http"));
	assert_non_null(strstr(s, "</html>\n"));

	/* Header: package names and counts by severity (错误 警告 提示). */
	assert_non_null(strstr(s, "<tr><td>甲单位 2024.txt</td><td class=\"n\">1</td><td class=\"n\">1</td>"
				  "<td class=\"n\">2</td></tr>"));
	assert_non_null(strstr(s, "<tr><td>乙单位.txt</td><td class=\"n\">0</td><td class=\"n\">1</td>"
				  "<td class=\"n\">0</td></tr>"));
	assert_non_null(strstr(s, "<tfoot><tr><th>合计</th><td class=\"n\">1</td><td class=\"n\">2</td>"
				  "<td class=\"n\">2</td></tr></tfoot>"));
	assert_non_null(strstr(s, "共发现问题 5 条"));

	/* The subject is escaped everywhere; its raw form never appears. */
	assert_null(strstr(s, "<&>"));
	assert_non_null(strstr(s, "<h2>A&lt;&amp;&gt;B项目（2 条）</h2>"));
	assert_non_null(strstr(s, "<a href=\"#g1-1\">A&lt;&amp;&gt;B项目</a>（2 条）"));
	assert_non_null(strstr(s, "<section class=\"group\" id=\"g1-1\">"));
	/* Groups: subjects in order, then the package-level group last. */
	const char *ga = strstr(s, "<h2>A&lt;&amp;&gt;B项目");
	const char *gb = strstr(s, "<h2>乙项目（1 条）</h2>");
	const char *gc = strstr(s, "<h2>部门整体与其他（1 条）</h2>");
	const char *gd = strstr(s, "<h2>丙项目（1 条）</h2>");
	assert_non_null(ga);
	assert_non_null(gb);
	assert_non_null(gc);
	assert_non_null(gd);
	assert_true(ga < gb && gb < gc && gc < gd);
	assert_int_equal(count_of(s, "<section class=\"group\""), 4);
	assert_int_equal(count_of(s, "<div class=\"finding "), 5);

	/* Badges, rule ids, locations, quotes escaped. */
	assert_int_equal(count_of(s, "<span class=\"badge error\">错误</span> <code"), 1);
	assert_int_equal(count_of(s, "<span class=\"badge warning\">警告</span> <code"), 2);
	assert_int_equal(count_of(s, "<span class=\"badge info\">提示</span> <code"), 2);
	assert_non_null(strstr(s, "<code class=\"rule\">calc.funding-sum</code> <span class=\"loc\">材料 一.txt:2</span>"));
	assert_non_null(strstr(s, "项目&quot;乙&quot;缺少&#39;满意度&#39;指标"));
	assert_non_null(strstr(s, "涉及：满意度\xEF\xBF\xBD</p>"));

	/* Numbers as the document printed them. */
	char e[64], a[64], d[64];
	const jx_finding *f1 = jx_report_at(r, 0);
	assert_string_equal(jx_finding_expected_str(f1, e), "30.41万元");
	assert_string_equal(jx_finding_actual_str(f1, a), "31.41万元");
	char row[256];
	snprintf(row, sizeof row, "<tr><th>应为</th><td>30.41万元</td></tr><tr><th>实为</th><td>31.41万元</td></tr>"
				  "<tr><th>相差</th><td>%s</td></tr>",
		 jx_finding_diff_str(f1, d));
	assert_non_null(strstr(s, row));
	assert_non_null(strstr(s, "<td>95.5%</td>"));

	/* The source excerpt: the line before, the line itself (span marked, '\r' dropped), the line after. */
	assert_non_null(strstr(s, "<pre class=\"src\"><span class=\"ctx\"><span class=\"ln\">    1 │ </span>第一行</span>\n"
				  "<span class=\"hit\"><span class=\"ln\">    2 │ </span>资金来源合计 &lt;b&gt;<mark>30.41</mark>"
				  "&lt;/b&gt; 万元</span>\n"
				  "<span class=\"ctx\"><span class=\"ln\">    3 │ </span>第三行</span>\n</pre>"));
	assert_null(strstr(s, "<b>30.41"));
	/* The line after the last one (after the final newline) is not shown as context. */
	assert_null(strstr(s, "<span class=\"ln\">    4 │ </span>"));
	/* A finding whose file is not attached says so; one without a line says that instead. */
	assert_int_equal(count_of(s, "（未附原文）"), 1);
	assert_int_equal(count_of(s, "（无原文行号）"), 2);
	/* The detail is not repeated when the message is the detail. */
	assert_int_equal(count_of(s, "第 9 页无法识别"), 1);
	/* Package without findings in a multi-package report: not the case here; every package has some. */
	assert_null(strstr(s, "未发现问题"));

	free(s);
	jx_report_free(r);
}

static void test_html_empty(void **state)
{
	(void)state;
	jx_report *r = jx_report_new();
	assert_non_null(r);
	assert_int_equal(jx_report_begin(r, "空<包>.txt"), 0);
	char *s = render(r, JX_REPORT_HTML);
	assert_non_null(strstr(s, "<p class=\"ok\">未发现问题</p>"));
	assert_non_null(strstr(s, "<tr><td>空&lt;包&gt;.txt</td><td class=\"n\">0</td><td class=\"n\">0</td>"
				  "<td class=\"n\">0</td></tr>"));
	assert_non_null(strstr(s, "共发现问题 0 条"));
	assert_null(strstr(s, "<section"));
	assert_null(strstr(s, "<nav"));
	free(s);
	jx_report_free(r);

	/* Two packages, only the second with findings: the first says 未发现问题 under its own heading. */
	r = jx_report_new();
	assert_non_null(r);
	assert_int_equal(jx_report_begin(r, "一.txt"), 0);
	assert_int_equal(jx_report_begin(r, "二.txt"), 0);
	jx_finding f = {.rule = jx_rule_find("complete.no-satisfaction"), .severity = JX_SEV_WARNING,
			.subject = "某项目", .pkg_index = 1};
	assert_int_equal(jx_report_add(r, &f), 0);
	s = render(r, JX_REPORT_HTML);
	const char *h1 = strstr(s, "<h1 class=\"package\">一.txt</h1>\n<p class=\"ok\">未发现问题</p>");
	const char *h2 = strstr(s, "<h1 class=\"package\">二.txt</h1>\n<section");
	assert_non_null(h1);
	assert_non_null(h2);
	assert_true(h1 < h2);
	assert_int_equal(count_of(s, "未发现问题"), 1);
	assert_non_null(strstr(s, "项目“某项目”缺少满意度指标"));
	free(s);
	jx_report_free(r);
}

/* JX_REPORT_NO_QUOTE leaves out the quoted source; a capped output buffer fails cleanly with JX_ELIMIT. */
static void test_no_quote_and_limit(void **state)
{
	(void)state;
	jx_report *r = build_report();
	char *h = render_flags(r, JX_REPORT_HTML, JX_REPORT_NO_QUOTE);
	assert_null(strstr(h, "<pre"));
	assert_null(strstr(h, "第一行"));
	assert_int_equal(count_of(h, "<div class=\"finding nq "), 5);
	assert_non_null(strstr(h, "<code class=\"rule\">calc.funding-sum</code> <span class=\"loc\">材料 一.txt:2</span>"));
	free(h);

	char *s = render_flags(r, JX_REPORT_SARIF, JX_REPORT_NO_QUOTE);
	json_t *root = parse_sarif(s);
	json_t *region = P(root, "runs", "0", "results", "0", "locations", "0", "physicalLocation", "region");
	assert_int_equal(json_integer_value(json_object_get(region, "startColumn")), 11);
	assert_null(json_object_get(region, "snippet"));
	assert_null(P(root, "runs", "0", "results", "0", "locations", "0", "physicalLocation", "contextRegion"));
	assert_null(strstr(s, "第一行"));
	json_decref(root);
	free(s);

	jx_buf b;
	jx_buf_init(&b, 300);
	assert_int_equal(jx_render_html(r, 0, &b), JX_ELIMIT);
	assert_true(b.len <= 300);
	jx_buf_release(&b);
	jx_buf_init(&b, 300);
	assert_int_equal(jx_render_sarif(r, 0, &b), JX_ELIMIT);
	assert_int_equal(b.len, 0);
	assert_non_null(strstr(jx_error_last(), "SARIF"));
	jx_buf_release(&b);
	jx_report_free(r);
}

/* A real review of every seed: each finding appears once in both renderings, in order, with its excerpt. */
static void test_seeds(void **state)
{
	(void)state;
	static const char *const seeds[] = {"000", "001", "002", "003", "004"};
	size_t total = 0, quoted_total = 0;
	for (size_t k = 0; k < 5; k++) {
		char *path = tu_seed_path(seeds[k]);
		size_t tlen = 0;
		char *text = tu_read_file(path, &tlen);
		jx_pkg *p = NULL;
		assert_int_equal(jx_import_file(&p, path, NULL), 0);
		jx_report *r = jx_report_new();
		assert_non_null(r);
		assert_int_equal(jx_report_begin(r, seeds[k]), 0);
		assert_int_equal(jx_check(r, p, NULL), 0);
		assert_int_equal(jx_report_attach_source(r, path, text, tlen), 0);
		size_t n = jx_report_count(r), quoted = 0;
		for (size_t i = 0; i < n; i++) {
			const jx_finding *f = jx_report_at(r, i);
			size_t l = 0;
			quoted += f->src.line > 0 && jx_report_source_line(r, f->src.file, f->src.line, &l) != NULL;
		}
		total += n;
		quoted_total += quoted;

		char *s = render(r, JX_REPORT_SARIF);
		json_t *root = parse_sarif(s);
		json_t *results = P(root, "runs", "0", "results");
		assert_int_equal(json_array_size(results), n);
		size_t ctx = 0;
		for (size_t i = 0; i < n; i++) {
			const jx_finding *f = jx_report_at(r, i);
			json_t *res = json_array_get(results, i);
			assert_string_equal(json_string_value(json_object_get(res, "ruleId")), f->rule->id);
			assert_string_equal(json_string_value(P(res, "message", "text")), f->message);
			const char *lvl = json_string_value(json_object_get(res, "level"));
			assert_string_equal(lvl, f->severity == JX_SEV_ERROR     ? "error"
						 : f->severity == JX_SEV_WARNING ? "warning"
										 : "note");
			ctx += P(res, "locations", "0", "physicalLocation", "contextRegion") != NULL;
		}
		assert_int_equal(ctx, quoted);
		json_decref(root);
		free(s);

		char *h = render(r, JX_REPORT_HTML);
		assert_int_equal(count_of(h, "<div class=\"finding "), n);
		assert_int_equal(count_of(h, "<span class=\"hit\">"), quoted);
		char c[160];
		snprintf(c, sizeof c, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>",
			 jx_report_count_severity(r, JX_SEV_ERROR), jx_report_count_severity(r, JX_SEV_WARNING),
			 jx_report_count_severity(r, JX_SEV_INFO));
		assert_non_null(strstr(h, c));
		assert_true(n > 0 ? strstr(h, "未发现问题") == NULL : strstr(h, "未发现问题") != NULL);
		free(h);

		jx_report_free(r);
		jx_pkg_free(p);
		free(text);
		free(path);
	}
	/* The seeds do have findings and most point at lines: the checks above were not vacuous. */
	assert_true(total > 0);
	assert_true(quoted_total > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_sarif_empty),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_html_empty),
		cmocka_unit_test(test_no_quote_and_limit),
		cmocka_unit_test(test_seeds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
