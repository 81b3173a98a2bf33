/* query.c: the store's queries (listings, show, search, totals, findings) as small generic tables, and their
 * rendering as aligned text, CSV or JSON. The SQL is the common dialect of SQLite and PostgreSQL. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_int.h"
#include "util/buf.h"
#include "util/utf8.h"

/* ---- result tables ---- */

void jx_db_table_free(jx_db_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cols);
	free(t->cells);
	free(t);
}

static char *dupstr(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *c = malloc(n + 1);
	if (c)
		memcpy(c, s, n + 1);
	return c;
}

typedef struct collect {
	jx_db_table *t;
	size_t cap; /* rows allocated */
	bool oom;
} collect;

static int collect_row(void *ud, int ncols, const char *const *values)
{
	collect *c = ud;
	jx_db_table *t = c->t;
	if (c->t->nrows == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 16;
		char **cells = realloc(t->cells, nc * t->ncols * sizeof *cells);
		if (!cells) {
			c->oom = true;
			return 1;
		}
		t->cells = cells;
		c->cap = nc;
	}
	char **row = t->cells + t->nrows * t->ncols;
	for (size_t k = 0; k < t->ncols; k++) {
		row[k] = NULL;
		if ((int)k < ncols && values[k] && !(row[k] = dupstr(values[k])))
			c->oom = true;
	}
	t->nrows++;
	return c->oom ? 1 : 0;
}

int db_collect(jx_db *db, const char *sql, int n, const char *const *params, const char *const *cols,
	       size_t ncols, jx_db_table **out)
{
	*out = NULL;
	jx_db_table *t = calloc(1, sizeof *t);
	if (!t)
		return jx_error_set(JX_ENOMEM, "内存不足");
	t->ncols = ncols;
	t->cols = calloc(ncols, sizeof *t->cols);
	bool oom = !t->cols;
	for (size_t i = 0; !oom && i < ncols; i++)
		oom = !(t->cols[i] = dupstr(cols[i]));
	if (oom) {
		jx_db_table_free(t);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	collect c = {t, 0, false};
	int rc = jx_conn_query(db->conn, sql, n, params, collect_row, &c);
	if (c.oom)
		rc = jx_error_set(JX_ENOMEM, "内存不足");
	if (rc) {
		jx_db_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

int db_column_hundredths(jx_db_table *t, size_t col)
{
	for (size_t r = 0; r < t->nrows; r++) {
		char **cell = &t->cells[r * t->ncols + col];
		if (!*cell)
			continue;
		long long fen = strtoll(*cell, NULL, 10);
		unsigned long long a = fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
		char buf[48];
		snprintf(buf, sizeof buf, "%s%llu.%02llu", fen < 0 ? "-" : "", a / 100, a % 100);
		char *c = dupstr(buf);
		if (!c)
			return jx_error_set(JX_ENOMEM, "内存不足");
		free(*cell);
		*cell = c;
	}
	return 0;
}

int jx_db_format_parse(const char *s, jx_db_format *out)
{
	if (!strcmp(s, "text"))
		*out = JX_DB_TEXT;
	else if (!strcmp(s, "csv"))
		*out = JX_DB_CSV;
	else if (!strcmp(s, "json"))
		*out = JX_DB_JSON;
	else
		return jx_error_set(JX_EINVAL, "不支持的格式“%s”（可用 text、csv、json）", s);
	return 0;
}

static int render_text(const jx_db_table *t, jx_buf *b)
{
	size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
	if (!w)
		return JX_ENOMEM;
	for (size_t k = 0; k < t->ncols; k++)
		w[k] = jx_utf8_width(t->cols[k], strlen(t->cols[k]));
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t k = 0; k < t->ncols; k++) {
			const char *s = jx_db_cell(t, r, k);
			size_t cw = s ? jx_utf8_width(s, strlen(s)) : 0;
			if (cw > w[k])
				w[k] = cw;
		}
	int e = 0;
	for (size_t r = 0; r <= t->nrows; r++) {
		/* No trailing blanks: a row stops after its last non-empty cell. */
		size_t last = t->ncols;
		while (r > 0 && last > 1 && !(jx_db_cell(t, r - 1, last - 1) && *jx_db_cell(t, r - 1, last - 1)))
			last--;
		for (size_t k = 0; k < last; k++) {
			const char *s = r == 0 ? t->cols[k] : jx_db_cell(t, r - 1, k);
			if (!s)
				s = "";
			e |= jx_buf_puts(b, s);
			if (k + 1 < last) {
				size_t cw = jx_utf8_width(s, strlen(s));
				for (size_t p = cw; p < w[k] + 2; p++)
					e |= jx_buf_putc(b, ' ');
			}
		}
		e |= jx_buf_putc(b, '\n');
	}
	free(w);
	return e;
}

static int csv_field(jx_buf *b, const char *s)
{
	if (!s)
		return 0;
	if (!strpbrk(s, ",\"\r\n"))
		return jx_buf_puts(b, s);
	int e = jx_buf_putc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			e |= jx_buf_putc(b, '"');
		e |= jx_buf_putc(b, *p);
	}
	return e | jx_buf_putc(b, '"');
}

static int render_csv(const jx_db_table *t, jx_buf *b)
{
	int e = 0;
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t k = 0; k < t->ncols; k++) {
			if (k)
				e |= jx_buf_putc(b, ',');
			e |= csv_field(b, r == 0 ? t->cols[k] : jx_db_cell(t, r - 1, k));
		}
		e |= jx_buf_puts(b, "\r\n");
	}
	return e;
}

static int render_json(const jx_db_table *t, jx_buf *b)
{
	json_t *a = json_array();
	bool oom = !a;
	for (size_t r = 0; !oom && r < t->nrows; r++) {
		json_t *o = json_object();
		oom = !o;
		for (size_t k = 0; !oom && k < t->ncols; k++) {
			const char *s = jx_db_cell(t, r, k);
			oom = json_object_set_new(o, t->cols[k], s ? json_string(s) : json_null()) != 0;
		}
		if (o && json_array_append_new(a, o))
			oom = true;
	}
	char *s = oom ? NULL : json_dumps(a, JSON_PRESERVE_ORDER | JSON_INDENT(2));
	json_decref(a);
	if (!s)
		return JX_ENOMEM;
	int e = jx_buf_puts(b, s) | jx_buf_putc(b, '\n');
	free(s);
	return e;
}

int jx_db_table_render(const jx_db_table *t, jx_db_format fmt, char **out, size_t *len)
{
	jx_buf b = JX_BUF_INIT;
	int e = fmt == JX_DB_CSV ? render_csv(t, &b) : fmt == JX_DB_JSON ? render_json(t, &b) : render_text(t, &b);
	if (e) {
		jx_buf_release(&b);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	jx_buf_cstr(&b);
	*out = jx_buf_detach(&b, len);
	if (!*out) {
		*out = dupstr("");
		if (len)
			*len = 0;
	}
	return *out ? 0 : jx_error_set(JX_ENOMEM, "内存不足");
}

/* ---- queries ---- */

int jx_db_ls(jx_db *db, jx_db_ls_what what, jx_db_table **out)
{
	if (what == JX_DB_LS_DEPARTMENTS) {
		static const char *const cols[] = {"部门", "地区", "编码", "预算包数", "起始年度", "截止年度"};
		return db_collect(db,
				  "SELECT d.name, d.region, d.code, COUNT(p.id), MIN(p.year), MAX(p.year) FROM departments d "
				  "JOIN packages p ON p.department_id = d.id GROUP BY d.id, d.name, d.region, d.code "
				  "ORDER BY d.name, d.region",
				  0, NULL, cols, 6, out);
	}
	if (what == JX_DB_LS_YEARS) {
		static const char *const cols[] = {"年度", "预算包数", "部门数", "项目数"};
		return db_collect(db,
				  "SELECT p.year, COUNT(DISTINCT p.id), COUNT(DISTINCT p.department_id), COUNT(j.idx) "
				  "FROM packages p LEFT JOIN projects j ON j.package_id = p.id "
				  "GROUP BY p.year ORDER BY p.year",
				  0, NULL, cols, 4, out);
	}
	static const char *const cols[] = {"编号", "部门", "年度", "项目数", "指标数", "公开表数", "来源文件", "内容哈希"};
	return db_collect(db,
			  "SELECT p.id, p.dept_name, p.year, "
			  "(SELECT COUNT(*) FROM projects j WHERE j.package_id = p.id), "
			  "(SELECT COUNT(*) FROM indicators i WHERE i.package_id = p.id), "
			  "(SELECT COUNT(*) FROM disclosure_tables t WHERE t.package_id = p.id), "
			  "p.source_file, SUBSTR(p.sha256, 1, 12) FROM packages p ORDER BY p.dept_name, p.year, p.id",
			  0, NULL, cols, 8, out);
}

int jx_db_show_package(jx_db *db, int64_t package_id, jx_db_table **out)
{
	static const char *const cols[] = {"序号", "项目名称", "项目编码", "金额（元）", "指标数", "支出明细数"};
	char ids[24];
	snprintf(ids, sizeof ids, "%lld", (long long)package_id);
	const char *p[] = {ids};
	int rc = db_collect(db,
			    "SELECT j.idx + 1, j.name, j.code, j.amount_fen, "
			    "(SELECT COUNT(*) FROM indicators i WHERE i.package_id = j.package_id AND i.project_idx = j.idx), "
			    "(SELECT COUNT(*) FROM expenditure_lines l WHERE l.package_id = j.package_id AND "
			    "l.project_idx = j.idx) FROM projects j WHERE j.package_id = $1 ORDER BY j.idx",
			    1, p, cols, 6, out);
	if (!rc)
		rc = db_column_hundredths(*out, 3);
	return rc;
}

int jx_db_show_project(jx_db *db, const char *name_or_code, jx_db_table **out)
{
	static const char *const cols[] = {"部门", "年度", "项目", "一级指标", "二级指标", "三级指标", "指标值"};
	const char *p[] = {name_or_code};
	int rc = db_collect(db,
			    "SELECT p.dept_name, p.year, COALESCE(j.name, '（部门整体）'), i.level1, i.level2, i.name, i.value_text "
			    "FROM projects j JOIN packages p ON p.id = j.package_id "
			    "JOIN indicators i ON i.package_id = j.package_id AND i.project_idx = j.idx "
			    "WHERE j.name = $1 OR j.code = $1 ORDER BY p.dept_name, p.year, j.idx, i.idx",
			    1, p, cols, 7, out);
	if (!rc && (*out)->nrows == 0) {
		jx_db_table_free(*out);
		*out = NULL;
		rc = jx_error_set(JX_ENOTFOUND, "%s: 找不到项目“%s”（或该项目没有绩效指标）", db->conn->target,
				  name_or_code);
	}
	return rc;
}

int jx_db_show(jx_db *db, const char *ref, jx_db_table **out)
{
	int64_t id;
	int rc = jx_db_find_package(db, ref, &id);
	if (!rc)
		return jx_db_show_package(db, id, out);
	if (rc != JX_ENOTFOUND)
		return rc;
	rc = jx_db_show_project(db, ref, out);
	if (rc == JX_ENOTFOUND)
		rc = jx_error_set(JX_ENOTFOUND, "%s: 找不到预算包或项目“%s”", db->conn->target, ref);
	return rc;
}

/* Writes "%text%" for LIKE ... ESCAPE '\', with the text's own %, _ and \ taken literally: people search for
 * "100%" or "残疾人_康复" as written. Returns false when it does not fit. */
static bool like_contains(char *dst, size_t cap, const char *text)
{
	size_t k = 0;
	if (cap < 3)
		return false;
	dst[k++] = '%';
	for (const char *t = text; *t; t++) {
		if (k + 4 > cap)
			return false;
		if (*t == '%' || *t == '_' || *t == '\\')
			dst[k++] = '\\';
		dst[k++] = *t;
	}
	dst[k++] = '%';
	dst[k] = '\0';
	return true;
}

int jx_db_search(jx_db *db, const jx_db_search_opts *o, jx_db_table **out)
{
	static const char *const cols[] = {"部门", "年度", "项目", "一级指标", "二级指标", "三级指标", "指标值"};
	jx_buf sql = JX_BUF_INIT;
	const char *p[4];
	int n = 0;
	char pat[1024], ys[24];
	int e = jx_buf_puts(&sql, "SELECT p.dept_name, p.year, COALESCE(j.name, '（部门整体）'), i.level1, i.level2, i.name, i.value_text "
				  "FROM indicators i JOIN packages p ON p.id = i.package_id "
				  "LEFT JOIN projects j ON j.package_id = i.package_id AND j.idx = i.project_idx WHERE 1 = 1");
	if (o->name && *o->name) {
		if (!like_contains(pat, sizeof pat, o->name)) {
			jx_buf_release(&sql);
			return jx_error_set(JX_EINVAL, "要查找的指标名称太长");
		}
		p[n++] = pat;
		e |= jx_buf_printf(&sql, " AND i.name LIKE $%d ESCAPE '\\'", n);
	}
	if (o->level1 && *o->level1) {
		p[n++] = o->level1;
		e |= jx_buf_printf(&sql, " AND i.level1 = $%d", n);
	}
	if (o->level2 && *o->level2) {
		p[n++] = o->level2;
		e |= jx_buf_printf(&sql, " AND i.level2 = $%d", n);
	}
	if (o->year) {
		snprintf(ys, sizeof ys, "%d", o->year);
		p[n++] = ys;
		e |= jx_buf_printf(&sql, " AND p.year = $%d", n);
	}
	/* In storage order, so that with a limit the scan stops at the first matches instead of sorting them all. */
	e |= jx_buf_puts(&sql, " ORDER BY i.package_id, i.project_idx, i.idx");
	if (o->limit)
		e |= jx_buf_printf(&sql, " LIMIT %zu", o->limit);
	int rc = e ? jx_error_set(JX_ENOMEM, "内存不足") : db_collect(db, jx_buf_cstr(&sql), n, p, cols, 7, out);
	jx_buf_release(&sql);
	return rc;
}

int jx_db_totals(jx_db *db, const char *code_prefix, int year, jx_db_table **out)
{
	static const char *const cols[] = {"年度", "科目编码", "科目名称", "部门数", "合计（元）"};
	jx_buf sql = JX_BUF_INIT;
	const char *p[3];
	int n = 0;
	char pat[256], ys[24];
	/* The expenditure summary (预算支出总表, "t3" of the standard set) lists every functional code once per
	 * department, so its first column (合计) can be summed without counting an amount twice. */
	int e = jx_buf_puts(&sql, "SELECT p.year, r.code, MIN(r.name), COUNT(DISTINCT p.department_id), SUM(c.amount_fen) "
				  "FROM disclosure_rows r "
				  "JOIN disclosure_tables t ON t.package_id = r.package_id AND t.idx = r.table_idx "
				  "JOIN packages p ON p.id = r.package_id "
				  "JOIN disclosure_cells c ON c.package_id = r.package_id AND c.table_idx = r.table_idx "
				  "AND c.row_idx = r.idx AND c.col_idx = 0 "
				  "WHERE t.table_id = 't3' AND r.code IS NOT NULL");
	char hi[256];
	size_t plen = code_prefix ? strlen(code_prefix) : 0;
	bool digits = plen > 0 && plen < sizeof pat;
	for (size_t k = 0; digits && k < plen; k++)
		digits = code_prefix[k] >= '0' && code_prefix[k] <= '9';
	if (digits) {
		/* A range instead of LIKE 'p%', so that the index on the code is used on both backends: codes are
		 * digits, and "208" <= code < "209" holds exactly for the codes starting with "208" ("2089" → "209",
		 * "299" → "3", and "99" has no upper bound). */
		memcpy(pat, code_prefix, plen + 1);
		memcpy(hi, code_prefix, plen + 1);
		size_t hl = plen;
		while (hl > 0 && hi[hl - 1] == '9')
			hl--;
		hi[hl] = '\0';
		p[n++] = pat;
		e |= jx_buf_printf(&sql, " AND r.code >= $%d", n);
		if (hl > 0) {
			hi[hl - 1]++;
			p[n++] = hi;
			e |= jx_buf_printf(&sql, " AND r.code < $%d", n);
		}
	} else if (plen > 0 && plen < sizeof pat - 1) {
		snprintf(pat, sizeof pat, "%s%%", code_prefix);
		p[n++] = pat;
		e |= jx_buf_printf(&sql, " AND r.code LIKE $%d", n);
	}
	if (year) {
		snprintf(ys, sizeof ys, "%d", year);
		p[n++] = ys;
		e |= jx_buf_printf(&sql, " AND p.year = $%d", n);
	}
	e |= jx_buf_puts(&sql, " GROUP BY p.year, r.code ORDER BY r.code, p.year");
	int rc = e ? jx_error_set(JX_ENOMEM, "内存不足") : db_collect(db, jx_buf_cstr(&sql), n, p, cols, 5, out);
	jx_buf_release(&sql);
	if (!rc)
		rc = db_column_hundredths(*out, 4);
	return rc;
}

int jx_db_findings(jx_db *db, const char *rule, const char *severity, jx_db_table **out)
{
	static const char *const cols[] = {"部门", "年度", "规则", "级别", "对象", "条目", "问题", "文件", "行"};
	static const char *const sevs[] = {"info", "warning", "error"};
	jx_buf sql = JX_BUF_INIT;
	const char *p[2];
	int n = 0;
	char pat[256];
	int e = jx_buf_puts(&sql, "SELECT p.dept_name, p.year, f.rule_id, f.severity, f.subject, f.item, f.message, "
				  "f.src_file, f.src_line FROM findings f JOIN packages p ON p.id = f.package_id WHERE 1 = 1");
	if (rule && *rule) {
		/* A rule id has a dot ("calc.funding-sum"); a bare family name selects all its rules. */
		if (strchr(rule, '.'))
			snprintf(pat, sizeof pat, "%s", rule);
		else
			snprintf(pat, sizeof pat, "%s.%%", rule);
		p[n++] = pat;
		e |= jx_buf_printf(&sql, " AND f.rule_id LIKE $%d", n);
	}
	if (severity && *severity) {
		jx_severity min;
		if (jx_severity_parse(severity, &min) || min == JX_SEV_OFF) {
			jx_buf_release(&sql);
			return jx_error_set(JX_EINVAL, "未知的级别“%s”（可用 info、warning、error）", severity);
		}
		e |= jx_buf_puts(&sql, " AND f.severity IN (");
		bool first = true;
		for (int s = (int)min; s <= (int)JX_SEV_ERROR; s++) {
			e |= jx_buf_printf(&sql, "%s'%s'", first ? "" : ", ", sevs[s]);
			first = false;
		}
		e |= jx_buf_puts(&sql, ")");
	}
	e |= jx_buf_puts(&sql, " ORDER BY p.dept_name, p.year, f.idx");
	int rc = e ? jx_error_set(JX_ENOMEM, "内存不足") : db_collect(db, jx_buf_cstr(&sql), n, p, cols, 9, out);
	jx_buf_release(&sql);
	return rc;
}

int jx_db_counts(jx_db *db, jx_db_table **out)
{
	static const char *const cols[] = {"表", "行数"};
	jx_buf sql = JX_BUF_INIT;
	int e = jx_buf_puts(&sql, "SELECT 'departments', COUNT(*) FROM departments");
	for (int t = 0; t < DB_NTABLES; t++)
		e |= jx_buf_printf(&sql, " UNION ALL SELECT '%s', COUNT(*) FROM %s", db_tables[t].name, db_tables[t].name);
	e |= jx_buf_puts(&sql, " UNION ALL SELECT 'evaluations', COUNT(*) FROM evaluations"
			       " UNION ALL SELECT 'evaluation_scores', COUNT(*) FROM evaluation_scores");
	int rc = e ? jx_error_set(JX_ENOMEM, "内存不足") : db_collect(db, jx_buf_cstr(&sql), 0, NULL, cols, 2, out);
	jx_buf_release(&sql);
	return rc;
}
