/* render_sarif.c: the review report as SARIF 2.1.0, for code-scanning tools and editors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check/check_int.h"
#include "util/utf8.h"

/* Builder state: any failed allocation sets `oom`; jansson calls accept NULL children, so building goes on and the
 * result is dropped at the end. */
typedef struct sarif_w {
	bool oom;
	JX_VEC(const char *) files; /* distinct artifact files, in order of first use (borrowed) */
	jx_arena *arena;
	bool quote; /* include source snippets (off with JX_REPORT_NO_QUOTE) */
} sarif_w;

static void sw_set(sarif_w *w, json_t *obj, const char *key, json_t *val)
{
	if (!val || json_object_set_new(obj, key, val) != 0)
		w->oom = true;
}

static void sw_push(sarif_w *w, json_t *arr, json_t *val)
{
	if (!val || json_array_append_new(arr, val) != 0)
		w->oom = true;
}

/* A JSON string of s[0..len), with invalid UTF-8 bytes replaced by U+FFFD (jansson rejects invalid UTF-8, and the
 * documents' strings come from untrusted files). */
static json_t *sw_strn(const char *s, size_t len)
{
	size_t bad = 0;
	if (jx_utf8_valid(s, len, &bad))
		return json_stringn(s, len);
	jx_buf b = JX_BUF_INIT;
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0;
		size_t n = jx_utf8_decode(s + i, len - i, &cp);
		bool invalid = n == 1 && cp == 0xFFFD;
		if (jx_buf_put(&b, invalid ? "\xEF\xBF\xBD" : s + i, invalid ? 3 : n) != 0) {
			jx_buf_release(&b);
			return NULL;
		}
		i += n;
	}
	json_t *j = json_stringn(b.ptr ? b.ptr : "", b.len);
	jx_buf_release(&b);
	return j;
}

static json_t *sw_str(const char *s)
{
	return sw_strn(s ? s : "", s ? strlen(s) : 0);
}

/* RFC 3986 percent-encoding of the UTF-8 bytes of a path; unreserved characters and '/' are kept. Backslashes
 * become '/' so Windows paths stay paths. */
static json_t *sw_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	jx_buf b = JX_BUF_INIT;
	int rc = 0;
	for (const unsigned char *p = (const unsigned char *)path; *p && rc == 0; p++) {
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
		    c == '.' || c == '_' || c == '~' || c == '/') {
			rc = jx_buf_putc(&b, (char)c);
		} else if (c == '\\') {
			rc = jx_buf_putc(&b, '/');
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			rc = jx_buf_put(&b, e, 3);
		}
	}
	json_t *j = rc == 0 ? json_stringn(b.ptr ? b.ptr : "", b.len) : NULL;
	jx_buf_release(&b);
	return j;
}

static const char *sw_level(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR:
		return "error";
	case JX_SEV_WARNING:
		return "warning";
	case JX_SEV_INFO:
		return "note";
	case JX_SEV_OFF:
		break;
	}
	return "none";
}

/* An exact decimal as a JSON number: the plain decimal text parsed by jansson (integers stay exact integers). */
static json_t *sw_number(const jx_decimal *d)
{
	char buf[40];
	const char *plain = jx_decimal_plain(d, buf);
	json_t *n = plain ? json_loads(plain, JSON_DECODE_ANY, NULL) : NULL;
	if (n && !json_is_number(n)) {
		json_decref(n);
		n = NULL;
	}
	return n;
}

static long sw_rule_index(const jx_rule *rule)
{
	size_t n = jx_rule_count();
	for (size_t i = 0; i < n; i++) {
		const jx_rule *q = jx_rule_at(i);
		if (q == rule || (q && rule && q->id && rule->id && strcmp(q->id, rule->id) == 0))
			return (long)i;
	}
	return -1;
}

/* Index of `file` in the artifacts list, adding it when new. */
static long sw_artifact(sarif_w *w, const char *file)
{
	for (size_t i = 0; i < w->files.n; i++)
		if (strcmp(w->files.v[i], file) == 0)
			return (long)i;
	const char **slot = jx_vec_push(w->arena, &w->files);
	if (!slot) {
		w->oom = true;
		return -1;
	}
	*slot = file;
	return (long)(w->files.n - 1);
}

/* FNV-1a 64 of the finding's identity, as 16 hex digits: stable across runs and tools. */
static void fp_add(uint64_t *h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		*h ^= *p;
		*h *= 1099511628211ULL;
	}
	*h ^= 0x1f; /* field separator, so "ab"+"c" differs from "a"+"bc" */
	*h *= 1099511628211ULL;
}

static json_t *sw_fingerprint(const jx_finding *f)
{
	uint64_t h = 14695981039346656037ULL;
	char line[16], out[17];
	snprintf(line, sizeof line, "%u", (unsigned)f->src.line);
	fp_add(&h, f->rule ? f->rule->id : "");
	fp_add(&h, f->subject);
	fp_add(&h, f->item);
	fp_add(&h, line);
	snprintf(out, sizeof out, "%016llx", (unsigned long long)h);
	return json_string(out);
}

/* Number of code points in s[0..n). */
static size_t sw_cps(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		i += jx_utf8_decode(s + i, n - i, &cp);
		c++;
	}
	return c;
}

static json_t *sw_region(sarif_w *w, const jx_report *r, const jx_finding *f)
{
	json_t *region = json_object();
	if (!region)
		return NULL;
	sw_set(w, region, "startLine", json_integer(f->src.line));
	size_t llen = 0;
	const char *text = f->src.file ? jx_report_source_line(r, f->src.file, f->src.line, &llen) : NULL;
	/* Our columns are byte offsets; SARIF counts characters, so a column is given only when the line is at hand
	 * to convert it (run.columnKind says code points). */
	if (text && f->src.col > 0 && f->src.col - 1 <= llen) {
		size_t start = f->src.col - 1;
		sw_set(w, region, "startColumn", json_integer((json_int_t)sw_cps(text, start) + 1));
		if (f->src.len > 0 && start + f->src.len <= llen) {
			sw_set(w, region, "endColumn", json_integer((json_int_t)sw_cps(text, start + f->src.len) + 1));
			if (w->quote) {
				json_t *snip = json_object();
				sw_set(w, snip, "text", sw_strn(text + start, f->src.len));
				sw_set(w, region, "snippet", snip);
			}
		}
	}
	return region;
}

static json_t *sw_context(sarif_w *w, const jx_report *r, const jx_finding *f)
{
	size_t llen = 0;
	const char *text = jx_report_source_line(r, f->src.file, f->src.line, &llen);
	if (!text)
		return NULL;
	json_t *ctx = json_object();
	if (!ctx) {
		w->oom = true;
		return NULL;
	}
	sw_set(w, ctx, "startLine", json_integer(f->src.line));
	json_t *snip = json_object();
	sw_set(w, snip, "text", sw_strn(text, llen));
	sw_set(w, ctx, "snippet", snip);
	return ctx;
}

static json_t *sw_result(sarif_w *w, const jx_report *r, const jx_finding *f)
{
	json_t *res = json_object();
	if (!res)
		return NULL;
	const char *rid = f->rule && f->rule->id ? f->rule->id : "unknown";
	sw_set(w, res, "ruleId", json_string(rid));
	long ri = sw_rule_index(f->rule);
	if (ri >= 0)
		sw_set(w, res, "ruleIndex", json_integer(ri));
	sw_set(w, res, "level", json_string(sw_level(f->severity)));
	json_t *msg = json_object();
	sw_set(w, msg, "text", sw_str(f->message ? f->message : (f->rule ? f->rule->title : "")));
	sw_set(w, res, "message", msg);

	json_t *loc = json_object();
	if (f->src.file && f->src.file[0]) {
		json_t *phys = json_object();
		json_t *art = json_object();
		sw_set(w, art, "uri", sw_uri(f->src.file));
		long ai = sw_artifact(w, f->src.file);
		if (ai >= 0)
			sw_set(w, art, "index", json_integer(ai));
		sw_set(w, phys, "artifactLocation", art);
		if (f->src.line > 0) {
			sw_set(w, phys, "region", sw_region(w, r, f));
			json_t *ctx = w->quote ? sw_context(w, r, f) : NULL;
			if (ctx)
				sw_set(w, phys, "contextRegion", ctx);
		}
		sw_set(w, loc, "physicalLocation", phys);
	}
	if (f->subject) {
		json_t *logs = json_array();
		json_t *lg = json_object();
		sw_set(w, lg, "name", sw_str(f->subject));
		sw_push(w, logs, lg);
		sw_set(w, loc, "logicalLocations", logs);
	}
	if (json_object_size(loc) > 0) {
		json_t *locs = json_array();
		sw_push(w, locs, loc);
		sw_set(w, res, "locations", locs);
	} else {
		json_decref(loc);
	}

	json_t *fps = json_object();
	sw_set(w, fps, "jx/v1", sw_fingerprint(f));
	sw_set(w, res, "partialFingerprints", fps);

	json_t *props = json_object();
	if (f->subject)
		sw_set(w, props, "subject", sw_str(f->subject));
	if (f->item)
		sw_set(w, props, "item", sw_str(f->item));
	if (f->detail)
		sw_set(w, props, "detail", sw_str(f->detail));
	if (f->numeric) {
		sw_set(w, props, "expected", sw_number(&f->expected));
		sw_set(w, props, "actual", sw_number(&f->actual));
		if (f->unit)
			sw_set(w, props, "unit", sw_str(f->unit));
	}
	if (f->src.page > 0)
		sw_set(w, props, "page", json_integer(f->src.page));
	const char *pname = f->pkg_index >= 0 && (size_t)f->pkg_index < jx_report_packages(r)
				    ? jx_report_package_name(r, (size_t)f->pkg_index)
				    : NULL;
	if (pname)
		sw_set(w, props, "package", sw_str(pname));
	if (json_object_size(props) > 0)
		sw_set(w, res, "properties", props);
	else
		json_decref(props);
	return res;
}

static json_t *sw_rules(sarif_w *w)
{
	json_t *rules = json_array();
	if (!rules)
		return NULL;
	size_t n = jx_rule_count();
	for (size_t i = 0; i < n; i++) {
		const jx_rule *q = jx_rule_at(i);
		if (!q)
			continue;
		json_t *o = json_object();
		sw_set(w, o, "id", sw_str(q->id));
		sw_set(w, o, "name", sw_str(q->title));
		json_t *sd = json_object();
		sw_set(w, sd, "text", sw_str(q->title));
		sw_set(w, o, "shortDescription", sd);
		json_t *fd = json_object();
		sw_set(w, fd, "text", sw_str(q->message));
		sw_set(w, o, "fullDescription", fd);
		json_t *dc = json_object();
		sw_set(w, dc, "level", json_string(sw_level(q->severity)));
		sw_set(w, o, "defaultConfiguration", dc);
		json_t *props = json_object();
		char doc[160];
		snprintf(doc, sizeof doc, "docs/rules/%s.md", q->id ? q->id : "");
		sw_set(w, props, "doc", sw_str(doc));
		if (q->family)
			sw_set(w, props, "family", sw_str(q->family));
		sw_set(w, o, "properties", props);
		sw_push(w, rules, o);
	}
	return rules;
}

int jx_render_sarif(const jx_report *r, unsigned flags, jx_buf *out)
{
	int rc = JX_ENOMEM;
	sarif_w w = {0};
	w.quote = !(flags & JX_REPORT_NO_QUOTE);
	json_t *root = NULL;
	char *s = NULL;
	w.arena = jx_arena_new();
	if (!w.arena)
		goto out;

	root = json_object();
	if (!root)
		goto out;
	sw_set(&w, root, "$schema", json_string("https://json.schemastore.org/sarif-2.1.0.json"));
	sw_set(&w, root, "version", json_string("2.1.0"));
	json_t *runs = json_array();
	json_t *run = json_object();
	json_t *tool = json_object();
	json_t *driver = json_object();
	sw_set(&w, driver, "name", json_string("jx"));
	sw_set(&w, driver, "version", json_string(JX_VERSION));
	sw_set(&w, driver, "rules", sw_rules(&w));
	sw_set(&w, tool, "driver", driver);
	sw_set(&w, run, "tool", tool);

	json_t *results = json_array();
	size_t n = jx_report_count(r);
	for (size_t i = 0; i < n && !w.oom; i++)
		sw_push(&w, results, sw_result(&w, r, jx_report_at(r, i)));

	json_t *arts = json_array();
	for (size_t i = 0; i < w.files.n; i++) {
		json_t *a = json_object();
		json_t *l = json_object();
		sw_set(&w, l, "uri", sw_uri(w.files.v[i]));
		sw_set(&w, a, "location", l);
		sw_push(&w, arts, a);
	}
	if (w.files.n > 0)
		sw_set(&w, run, "artifacts", arts);
	else
		json_decref(arts);
	sw_set(&w, run, "results", results);
	sw_set(&w, run, "columnKind", json_string("unicodeCodePoints"));
	sw_push(&w, runs, run);
	sw_set(&w, root, "runs", runs);
	if (w.oom)
		goto out;

	s = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	if (!s)
		goto out;
	rc = jx_buf_put(out, s, strlen(s));
	if (rc == 0)
		rc = jx_buf_putc(out, '\n');
out:
	free(s);
	json_decref(root);
	jx_arena_free(w.arena);
	if (rc == JX_ELIMIT)
		jx_error_set(rc, "无法生成 SARIF 报告：超过输出大小上限");
	else if (rc != 0)
		jx_error_set(rc, "无法生成 SARIF 报告：内存不足");
	return rc;
}
