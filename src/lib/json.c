/* json.c: the canonical JSON form of a package, written and read back without loss (jansson does the syntax).
 *
 * Writing: keys in a fixed order, NULL strings and absent amounts left out (null inside row amount arrays),
 * decimals as JSON integers when they have no fraction and as reals otherwise (dumped with 15 significant digits,
 * which reproduces every decimal of up to 15 digits exactly). Reading: the inverse; an indicator value may be a
 * plain string or an object, and its text is authoritative (re-parsed with the value grammar); an amount needs
 * "fen", or "text" (and "unit") to be parsed. Errors name the file and line (syntax) or the JSON path (types).
 */
#include "jx/json.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"

/* ---- writing ---- */

typedef struct wctx {
	unsigned flags;
	bool oom;
} wctx;

static void put(wctx *w, json_t *obj, const char *key, json_t *v)
{
	if (!v) {
		w->oom = true;
		return;
	}
	if (json_object_set_new(obj, key, v) != 0)
		w->oom = true;
}

static void put_str(wctx *w, json_t *obj, const char *key, const char *s)
{
	if (s)
		put(w, obj, key, json_string(s));
}

static void put_int(wctx *w, json_t *obj, const char *key, json_int_t v)
{
	put(w, obj, key, json_integer(v));
}

static json_t *decimal_json(const jx_decimal *d)
{
	if (d->scale == 0)
		return json_integer(d->digits);
	char buf[32];
	jx_decimal_format(d, buf);
	return json_real(strtod(buf, NULL));
}

/* Decimals the model holds (percents, weights, counts in prose) keep their printed scale, so they are written as
 * strings ("42.00"); a JSON number cannot say how many decimals were printed. */
static json_t *decimal_str_json(const jx_decimal *d)
{
	char buf[32];
	return json_string(jx_decimal_format(d, buf));
}

static json_t *src_json(wctx *w, const jx_src *s)
{
	(void)w;
	if (!s->file && !s->line)
		return NULL;
	json_t *o = json_object();
	if (!o)
		return NULL;
	if (s->file)
		json_object_set_new(o, "file", json_string(s->file));
	if (s->page)
		json_object_set_new(o, "page", json_integer(s->page));
	if (s->line)
		json_object_set_new(o, "line", json_integer(s->line));
	if (s->col)
		json_object_set_new(o, "col", json_integer(s->col));
	if (s->len)
		json_object_set_new(o, "len", json_integer(s->len));
	return o;
}

static void put_src(wctx *w, json_t *obj, const jx_src *s)
{
	if (w->flags & JX_JSON_NO_SOURCE)
		return;
	json_t *j = src_json(w, s);
	if (j)
		put(w, obj, "source", j);
}

static json_t *amount_json(wctx *w, const jx_amount *a)
{
	if (!a->present)
		return json_null();
	json_t *o = json_object();
	if (!o)
		return NULL;
	put_int(w, o, "fen", a->fen);
	put_str(w, o, "text", a->text);
	put_str(w, o, "unit", jx_money_unit_name(a->unit));
	put_int(w, o, "scale", a->scale);
	put_src(w, o, &a->src);
	return o;
}

static void put_amount(wctx *w, json_t *obj, const char *key, const jx_amount *a)
{
	if (a->present)
		put(w, obj, key, amount_json(w, a));
}

static void put_text(wctx *w, json_t *obj, const char *key, const jx_text *t)
{
	if (!t->s)
		return;
	json_t *o = json_object();
	put_str(w, o, "text", t->s);
	put_src(w, o, &t->src);
	put(w, obj, key, o);
}

static const char *date_str(const jx_date *d, char buf[32])
{
	if (!d->year && !d->month && !d->day)
		return NULL;
	if (d->year && d->month && d->day)
		snprintf(buf, 32, "%04d-%02d-%02d", d->year, d->month, d->day);
	else if (d->year && d->month)
		snprintf(buf, 32, "%04d-%02d", d->year, d->month);
	else if (d->year)
		snprintf(buf, 32, "%04d", d->year);
	else if (d->day)
		snprintf(buf, 32, "--%02d-%02d", d->month, d->day);
	else
		snprintf(buf, 32, "--%02d", d->month);
	return buf;
}

static json_t *value_json(wctx *w, const jx_value *v)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	put(w, o, "text", json_string(v->text ? v->text : ""));
	const char *op = jx_op_name(v->op);
	put(w, o, "op", op ? json_string(op) : json_null());
	put(w, o, "number", v->has_number ? decimal_json(&v->number) : json_null());
	put(w, o, "unit", json_string(v->unit ? v->unit : ""));
	put(w, o, "kind", json_string(jx_value_kind_name(v->kind)));
	if (v->kind == JX_KIND_MONEY || v->kind == JX_KIND_MONEY_PER_UNIT)
		put_int(w, o, "fen", v->fen);
	put_str(w, o, "per", v->per);
	char b1[32], b2[32];
	const char *from = date_str(&v->from, b1), *to = date_str(&v->to, b2);
	if (from)
		put_str(w, o, "from", from);
	if (to)
		put_str(w, o, "to", to);
	if (v->recurring)
		put(w, o, "recurring", json_true());
	return o;
}

static const char *const repair_names[] = {"level1-inferred", "level1-ocr", "level2-ocr", "level1-conflict",
	"name-joined", "level2-inferred"};
#define NREPAIRS (sizeof repair_names / sizeof *repair_names)

static json_t *indicators_json(wctx *w, const jx_indicator_vec *v)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < v->n; i++) {
		const jx_indicator *d = &v->v[i];
		json_t *o = json_object();
		put(w, o, "level1", d->level1 ? json_string(d->level1) : json_null());
		put(w, o, "level2", d->level2 ? json_string(d->level2) : json_null());
		put_str(w, o, "level1_text", d->level1_text);
		put_str(w, o, "level2_text", d->level2_text);
		put(w, o, "name", d->name ? json_string(d->name) : json_null());
		put_str(w, o, "desc", d->desc);
		put(w, o, "value", value_json(w, &d->value));
		put_str(w, o, "basis", d->basis);
		put_str(w, o, "standard", d->standard);
		if (d->scope == JX_SCOPE_PERIOD)
			put_str(w, o, "scope", "period");
		if (d->goal)
			put_int(w, o, "goal", d->goal);
		if (d->repairs) {
			json_t *r = json_array();
			for (size_t k = 0; k < NREPAIRS; k++)
				if (d->repairs & (1u << k))
					json_array_append_new(r, json_string(repair_names[k]));
			put(w, o, "repairs", r);
		}
		if (d->has_actual)
			put(w, o, "actual", value_json(w, &d->actual));
		if (d->weight.digits || d->weight.scale)
			put(w, o, "weight", decimal_str_json(&d->weight));
		if (d->score.digits || d->score.scale)
			put(w, o, "score", decimal_str_json(&d->score));
		put_str(w, o, "reason", d->reason);
		put_src(w, o, &d->src);
		if (json_array_append_new(a, o))
			w->oom = true;
	}
	return a;
}

static json_t *project_json(wctx *w, const jx_project *p)
{
	json_t *o = json_object();
	put(w, o, "name", p->name ? json_string(p->name) : json_null());
	put_str(w, o, "code", p->code);
	put_str(w, o, "attribute", p->attribute);
	put_str(w, o, "duration", p->duration);
	put_str(w, o, "supervisor", p->supervisor);
	put_str(w, o, "supervisor_code", p->supervisor_code);
	put_str(w, o, "implementer", p->implementer);
	put_str(w, o, "office", p->office);
	put_str(w, o, "unit_label", p->unit_label);
	put_str(w, o, "fund", p->fund);
	put_str(w, o, "category", p->category);
	put(w, o, "amount", amount_json(w, &p->amount));
	put_amount(w, o, "amount_total", &p->amount_total);
	put_amount(w, o, "budget_initial", &p->budget_initial);
	put_amount(w, o, "budget_full", &p->budget_full);
	put_amount(w, o, "spent", &p->spent);
	if (p->score_budget.digits || p->score_budget.scale)
		put(w, o, "score_budget", decimal_str_json(&p->score_budget));
	if (p->score_total.digits || p->score_total.scale)
		put(w, o, "score_total", decimal_str_json(&p->score_total));
	json_t *f = json_array();
	for (size_t i = 0; i < p->funding.n; i++) {
		const jx_funding *x = &p->funding.v[i];
		json_t *e = json_object();
		put_str(w, e, "name", x->source);
		put_amount(w, e, "total", &x->total);
		put_amount(w, e, "year", &x->year);
		put_src(w, e, &x->src);
		json_array_append_new(f, e);
	}
	put(w, o, "funding", f);
	json_t *s = json_array();
	for (size_t i = 0; i < p->schedule.n; i++) {
		const jx_schedule_point *x = &p->schedule.v[i];
		json_t *e = json_object();
		put_str(w, e, "label", x->label);
		put_int(w, e, "month", x->month);
		put(w, e, "percent", x->present ? decimal_str_json(&x->percent) : json_null());
		put_src(w, e, &x->src);
		json_array_append_new(s, e);
	}
	put(w, o, "schedule", s);
	put_text(w, o, "usage", &p->usage);
	put_text(w, o, "overview", &p->overview);
	json_t *b = json_array();
	for (size_t i = 0; i < p->basis.n; i++) {
		const jx_basis *x = &p->basis.v[i];
		json_t *e = json_object();
		put_str(w, e, "text", x->text);
		put_str(w, e, "doc_no", x->doc_no);
		put_src(w, e, &x->src);
		json_array_append_new(b, e);
	}
	put(w, o, "basis", b);
	put_text(w, o, "necessity", &p->necessity);
	put_text(w, o, "measures", &p->measures);
	put_text(w, o, "plan", &p->plan);
	put_text(w, o, "goal_total", &p->goal_total);
	put_text(w, o, "goal_year", &p->goal_year);
	put(w, o, "indicators", indicators_json(w, &p->indicators));
	json_t *l = json_array();
	for (size_t i = 0; i < p->lines.n; i++) {
		const jx_line *x = &p->lines.v[i];
		json_t *e = json_object();
		put_str(w, e, "name", x->name);
		put_str(w, e, "detail", x->detail);
		put(w, e, "amount", amount_json(w, &x->amount));
		put_str(w, e, "calc", x->calc);
		put_src(w, e, &x->src);
		json_array_append_new(l, e);
	}
	put(w, o, "lines", l);
	put_src(w, o, &p->src);
	return o;
}

static json_t *overall_json(wctx *w, const jx_overall *ov)
{
	json_t *o = json_object();
	put(w, o, "present", json_boolean(ov->present));
	put_str(w, o, "title", ov->title);
	put_amount(w, o, "total", &ov->total);
	json_t *b = json_array();
	for (size_t i = 0; i < ov->budget.n; i++) {
		const jx_named_amount *x = &ov->budget.v[i];
		json_t *e = json_object();
		put_str(w, e, "group", x->group);
		put_str(w, e, "name", x->name);
		put(w, e, "amount", amount_json(w, &x->amount));
		put_src(w, e, &x->src);
		json_array_append_new(b, e);
	}
	put(w, o, "budget", b);
	put_text(w, o, "duties", &ov->duties);
	put_text(w, o, "strategy", &ov->strategy);
	put_text(w, o, "goal", &ov->goal);
	json_t *t = json_array();
	for (size_t i = 0; i < ov->tasks.n; i++) {
		const jx_task *x = &ov->tasks.v[i];
		json_t *e = json_object();
		put_str(w, e, "no", x->no);
		put_str(w, e, "name", x->name);
		put_str(w, e, "function", x->function);
		put_str(w, e, "unit", x->unit);
		put_amount(w, e, "total", &x->total);
		put_amount(w, e, "basic", &x->basic);
		put_amount(w, e, "project", &x->project);
		put_amount(w, e, "other", &x->other);
		put_src(w, e, &x->src);
		json_array_append_new(t, e);
	}
	put(w, o, "tasks", t);
	json_t *g = json_array();
	for (size_t i = 0; i < ov->goals.n; i++) {
		const jx_goal *x = &ov->goals.v[i];
		json_t *e = json_object();
		put_str(w, e, "no", x->no);
		put_str(w, e, "text", x->text);
		put_str(w, e, "task", x->task);
		put_src(w, e, &x->src);
		json_array_append_new(g, e);
	}
	put(w, o, "goals", g);
	put(w, o, "indicators", indicators_json(w, &ov->indicators));
	put_src(w, o, &ov->src);
	return o;
}

static const char *const row_kinds[] = {"item", "total", "group"};
static const char *const fact_kinds[] = {"", "amount", "percent", "count", "change"};
static const char *const note_levels[] = {"info", "warning", "error"};

static json_t *table_json(wctx *w, const jx_table *t)
{
	json_t *o = json_object();
	if (t->number)
		put_int(w, o, "number", t->number);
	put_str(w, o, "id", t->id);
	put(w, o, "title", t->title ? json_string(t->title) : json_null());
	put(w, o, "unit", t->unit ? json_string(jx_money_unit_name(t->unit)) : json_null());
	put_str(w, o, "unit_text", t->unit_text);
	put_str(w, o, "note", t->note);
	json_t *c = json_array();
	for (size_t i = 0; i < t->columns.n; i++) {
		json_t *e = json_object();
		put_str(w, e, "name", t->columns.v[i].name);
		put_int(w, e, "side", t->columns.v[i].side);
		json_array_append_new(c, e);
	}
	put(w, o, "columns", c);
	json_t *r = json_array();
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *x = &t->rows.v[i];
		json_t *e = json_object();
		put(w, e, "code", x->code ? json_string(x->code) : json_null());
		put(w, e, "name", x->name ? json_string(x->name) : json_null());
		put_str(w, e, "name2", x->name2);
		put_int(w, e, "side", x->side);
		put_int(w, e, "level", x->level);
		put_str(w, e, "kind", row_kinds[x->kind]);
		json_t *a = json_array();
		for (size_t k = 0; k < t->columns.n; k++)
			json_array_append_new(a, amount_json(w, &x->amounts[k]));
		put(w, e, "amounts", a);
		put_src(w, e, &x->src);
		json_array_append_new(r, e);
	}
	put(w, o, "rows", r);
	put_src(w, o, &t->src);
	return o;
}

int jx_pkg_to_json(const jx_pkg *pkg, unsigned flags, char **out, size_t *len)
{
	wctx w = {flags, false};
	json_t *root = json_object();
	if (!root)
		return jx_error_set(JX_ENOMEM, "内存不足");
	json_t *d = json_object();
	const jx_department *dp = &pkg->dept;
	put(&w, d, "name", dp->name ? json_string(dp->name) : json_null());
	put(&w, d, "code", dp->code ? json_string(dp->code) : json_null());
	put_str(&w, d, "region", dp->region);
	put_str(&w, d, "level", dp->level);
	put_text(&w, d, "duties", &dp->duties);
	put_text(&w, d, "structure", &dp->structure);
	static const char *const counts[] = {"internal_units", "budget_units", "staff_authorized", "staff_actual",
		"staff_on_books", "staff_other", "retired"};
	const int vals[] = {dp->internal_units, dp->budget_units, dp->staff_authorized, dp->staff_actual,
		dp->staff_on_books, dp->staff_other, dp->retired};
	for (size_t i = 0; i < 7; i++)
		if (vals[i] >= 0)
			put_int(&w, d, counts[i], vals[i]);
	put_src(&w, d, &dp->src);
	put(&w, root, "department", d);
	put(&w, root, "year", pkg->year ? json_integer(pkg->year) : json_null());
	put_str(&w, root, "title", pkg->title);
	if (!(flags & JX_JSON_NO_SOURCE)) {
		json_t *s = json_array();
		for (size_t i = 0; i < pkg->sources.n; i++) {
			const jx_source *x = &pkg->sources.v[i];
			json_t *e = json_object();
			put_str(&w, e, "file", x->file);
			put_str(&w, e, "sha256", x->sha256);
			put_str(&w, e, "format", x->format);
			put_str(&w, e, "encoding", x->encoding);
			json_array_append_new(s, e);
		}
		put(&w, root, "sources", s);
	}
	put(&w, root, "overall", overall_json(&w, &pkg->overall));
	json_t *p = json_array();
	for (size_t i = 0; i < pkg->projects.n; i++)
		json_array_append_new(p, project_json(&w, &pkg->projects.v[i]));
	put(&w, root, "projects", p);
	json_t *f = json_array();
	for (size_t i = 0; i < pkg->funds.n; i++) {
		const jx_fund_summary *x = &pkg->funds.v[i];
		json_t *e = json_object();
		put_str(&w, e, "title", x->title);
		put_amount(&w, e, "total", &x->total);
		json_t *items = json_array();
		for (size_t k = 0; k < x->items.n; k++) {
			const jx_fund_item *it = &x->items.v[k];
			json_t *ie = json_object();
			put_str(&w, ie, "no", it->no);
			put_str(&w, ie, "name", it->name);
			put(&w, ie, "amount", amount_json(&w, &it->amount));
			put_str(&w, ie, "goal_period", it->goal_period);
			put_str(&w, ie, "goal_year", it->goal_year);
			put_src(&w, ie, &it->src);
			json_array_append_new(items, ie);
		}
		put(&w, e, "items", items);
		put_src(&w, e, &x->src);
		json_array_append_new(f, e);
	}
	put(&w, root, "funds", f);
	json_t *t = json_array();
	for (size_t i = 0; i < pkg->tables.n; i++)
		json_array_append_new(t, table_json(&w, &pkg->tables.v[i]));
	put(&w, root, "tables", t);
	json_t *st = json_array();
	for (size_t i = 0; i < pkg->statements.n; i++) {
		const jx_statement *x = &pkg->statements.v[i];
		json_t *e = json_object();
		put_str(&w, e, "section", x->section);
		put_str(&w, e, "text", x->text);
		json_t *facts = json_array();
		for (size_t k = 0; k < x->facts.n; k++) {
			const jx_fact *fa = &x->facts.v[k];
			json_t *fe = json_object();
			put_str(&w, fe, "kind", fact_kinds[fa->kind <= JX_FACT_CHANGE ? fa->kind : 0]);
			put_str(&w, fe, "label", fa->label);
			put_amount(&w, fe, "amount", &fa->amount);
			if (fa->number.digits || fa->number.scale)
				put(&w, fe, "number", decimal_str_json(&fa->number));
			put_str(&w, fe, "unit", fa->unit);
			if (fa->sign)
				put_int(&w, fe, "sign", fa->sign);
			put_str(&w, fe, "text", fa->text);
			put_src(&w, fe, &fa->src);
			json_array_append_new(facts, fe);
		}
		put(&w, e, "facts", facts);
		put_src(&w, e, &x->src);
		json_array_append_new(st, e);
	}
	put(&w, root, "statements", st);
	json_t *n = json_array();
	for (size_t i = 0; i < pkg->notes.n; i++) {
		const jx_note *x = &pkg->notes.v[i];
		json_t *e = json_object();
		put_str(&w, e, "level", note_levels[x->level <= JX_NOTE_ERROR ? x->level : 0]);
		put_str(&w, e, "code", x->code);
		put_str(&w, e, "message", x->message);
		put_str(&w, e, "subject", x->subject);
		put_src(&w, e, &x->src);
		json_array_append_new(n, e);
	}
	put(&w, root, "notes", n);
	size_t dflags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) |
			((flags & JX_JSON_COMPACT) ? JSON_COMPACT : JSON_INDENT(2));
	char *s = w.oom ? NULL : json_dumps(root, dflags);
	json_decref(root);
	if (!s)
		return jx_error_set(JX_ENOMEM, "内存不足");
	size_t sl = strlen(s);
	char *res = malloc(sl + 2);
	if (!res) {
		free(s);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	memcpy(res, s, sl);
	res[sl] = '\n';
	res[sl + 1] = '\0';
	free(s);
	*out = res;
	if (len)
		*len = sl + 1;
	return 0;
}

int jx_value_to_json(const jx_value *v, char **out)
{
	wctx w = {0, false};
	json_t *o = value_json(&w, v);
	char *s = (o && !w.oom) ? json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
	json_decref(o);
	if (!s)
		return jx_error_set(JX_ENOMEM, "内存不足");
	*out = s;
	return 0;
}

/* ---- reading ---- */

typedef struct rctx {
	jx_pkg *pkg;
	const char *file;
	char path[512];
	int err;
} rctx;

/* Reports a type error at the current path plus `key`; keeps the first error only. */
static void bad(rctx *r, const char *key, const char *what)
{
	if (r->err)
		return;
	r->err = jx_error_set(JX_EPARSE, "%s: %s%s%s: %s", r->file, r->path, (key && r->path[0]) ? "." : "",
			      key ? key : "", what);
}

/* Path bookkeeping: push appends ".key" or "[i]", pop restores. */
static size_t push(rctx *r, const char *key, long idx)
{
	size_t old = strlen(r->path);
	if (key)
		snprintf(r->path + old, sizeof r->path - old, "%s%s", old ? "." : "", key);
	else
		snprintf(r->path + old, sizeof r->path - old, "[%ld]", idx);
	return old;
}

static void pop(rctx *r, size_t old)
{
	r->path[old] = '\0';
}

static const char *get_str(rctx *r, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		bad(r, key, "应为字符串");
		return NULL;
	}
	const char *s = jx_pkg_strndup(r->pkg, json_string_value(v), json_string_length(v));
	if (!s && !r->err)
		r->err = jx_error_set(JX_ENOMEM, "内存不足");
	return s;
}

static long long get_int(rctx *r, json_t *o, const char *key, long long dflt, long long lo, long long hi)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return dflt;
	if (!json_is_integer(v)) {
		bad(r, key, "应为整数");
		return dflt;
	}
	long long x = json_integer_value(v);
	if (x < lo || x > hi) {
		bad(r, key, "超出范围");
		return dflt;
	}
	return x;
}

static jx_decimal get_decimal(rctx *r, json_t *o, const char *key)
{
	jx_decimal d = {0, 0};
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return d;
	if (json_is_integer(v)) {
		d.digits = json_integer_value(v);
		return d;
	}
	if (json_is_string(v)) {
		const char *t = json_string_value(v);
		size_t n = json_string_length(v);
		int k = jx_decimal_parse(&d, t, n);
		if (k < 0 || (size_t)k != n || n == 0) {
			bad(r, key, k < 0 ? "数字超出范围" : "应为十进制数");
			d.digits = 0;
			d.scale = 0;
		}
		return d;
	}
	if (!json_is_real(v)) {
		bad(r, key, "应为数字");
		return d;
	}
	char buf[64];
	snprintf(buf, sizeof buf, "%.15g", json_real_value(v));
	if (jx_decimal_parse(&d, buf, strlen(buf)) != (int)strlen(buf))
		bad(r, key, "数字无法精确表示");
	return d;
}

static jx_src get_src(rctx *r, json_t *o)
{
	jx_src s = {0};
	json_t *v = json_object_get(o, "source");
	if (!v || json_is_null(v))
		return s;
	if (!json_is_object(v)) {
		bad(r, "source", "应为对象");
		return s;
	}
	size_t old = push(r, "source", 0);
	s.file = get_str(r, v, "file");
	s.page = (uint32_t)get_int(r, v, "page", 0, 0, UINT32_MAX);
	s.line = (uint32_t)get_int(r, v, "line", 0, 0, UINT32_MAX);
	s.col = (uint32_t)get_int(r, v, "col", 0, 0, UINT32_MAX);
	s.len = (uint32_t)get_int(r, v, "len", 0, 0, UINT32_MAX);
	pop(r, old);
	return s;
}

static jx_money_unit unit_of(const char *s)
{
	if (!s)
		return JX_MU_NONE;
	if (strcmp(s, "元") == 0)
		return JX_MU_YUAN;
	if (strcmp(s, "万元") == 0)
		return JX_MU_WANYUAN;
	if (strcmp(s, "千元") == 0)
		return JX_MU_QIANYUAN;
	if (strcmp(s, "亿元") == 0)
		return JX_MU_YIYUAN;
	return JX_MU_NONE;
}

static void read_amount_value(rctx *r, json_t *v, jx_amount *a, const char *key)
{
	memset(a, 0, sizeof *a);
	if (!v || json_is_null(v))
		return;
	if (!json_is_object(v)) {
		bad(r, key, "应为金额对象");
		return;
	}
	size_t old = key ? push(r, key, 0) : strlen(r->path);
	a->src = get_src(r, v);
	const char *text = get_str(r, v, "text");
	jx_money_unit unit = unit_of(get_str(r, v, "unit"));
	json_t *fen = json_object_get(v, "fen");
	if (fen && !json_is_null(fen)) {
		if (!json_is_integer(fen)) {
			bad(r, "fen", "应为整数");
		} else {
			a->present = true;
			a->fen = json_integer_value(fen);
			a->text = text;
			a->unit = unit ? unit : JX_MU_YUAN;
			a->scale = (int8_t)get_int(r, v, "scale", 0, 0, 18);
		}
	} else if (text) {
		int rc = jx_amount_parse(r->pkg, a, text, strlen(text), unit ? unit : JX_MU_YUAN, a->src);
		if (rc && !r->err) {
			char msg[300];
			snprintf(msg, sizeof msg, "金额无法识别（%s）", jx_error_last());
			bad(r, "text", msg);
			if (rc == JX_ERANGE)
				r->err = JX_ERANGE;
		}
	} else {
		bad(r, NULL, "金额缺少 fen 或 text");
	}
	pop(r, old);
}

static void get_amount(rctx *r, json_t *o, const char *key, jx_amount *a)
{
	read_amount_value(r, json_object_get(o, key), a, key);
}

static void get_text(rctx *r, json_t *o, const char *key, jx_text *t)
{
	json_t *v = json_object_get(o, key);
	t->s = NULL;
	memset(&t->src, 0, sizeof t->src);
	if (!v || json_is_null(v))
		return;
	if (json_is_string(v)) {
		t->s = get_str(r, o, key);
		return;
	}
	if (!json_is_object(v)) {
		bad(r, key, "应为字符串或对象");
		return;
	}
	size_t old = push(r, key, 0);
	t->s = get_str(r, v, "text");
	t->src = get_src(r, v);
	pop(r, old);
}

static void read_value(rctx *r, json_t *v, jx_value *out, const char *key)
{
	const char *text = "";
	if (json_is_string(v)) {
		text = json_string_value(v);
	} else if (json_is_object(v)) {
		json_t *t = json_object_get(v, "text");
		if (t && !json_is_string(t)) {
			bad(r, key, "text 应为字符串");
			return;
		}
		if (t)
			text = json_string_value(t);
	} else if (v && !json_is_null(v)) {
		bad(r, key, "应为字符串或对象");
		return;
	}
	int rc = jx_value_parse(out, text, strlen(text), r->pkg->arena);
	if (rc == JX_ENOMEM && !r->err)
		r->err = jx_error_set(JX_ENOMEM, "内存不足");
}

static json_t *get_array(rctx *r, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_array(v)) {
		bad(r, key, "应为数组");
		return NULL;
	}
	return v;
}

/* Iterates the objects of array `key` of `o`, with the path set to key[i]. */
#define EACH(r, o, key, elem, ...)                                                                            \
	do {                                                                                                   \
		json_t *elem##_arr = get_array(r, o, key);                                                     \
		for (size_t elem##_i = 0; elem##_arr && elem##_i < json_array_size(elem##_arr) && !(r)->err;    \
		     elem##_i++) {                                                                             \
			json_t *elem = json_array_get(elem##_arr, elem##_i);                                   \
			size_t elem##_o1 = push(r, key, 0);                                                    \
			push(r, NULL, (long)elem##_i);                                                         \
			if (!json_is_object(elem))                                                             \
				bad(r, NULL, "应为对象");                                                       \
			else {                                                                                 \
				__VA_ARGS__                                                                    \
			}                                                                                      \
			pop(r, elem##_o1);                                                                     \
		}                                                                                              \
	} while (0)

#define PUSH(r, vec) jx_vec_push((r)->pkg->arena, (vec))
#define NEED(r, p)                                                                                            \
	if (!(p)) {                                                                                            \
		if (!(r)->err)                                                                                 \
			(r)->err = jx_error_set(JX_ENOMEM, "内存不足");                                          \
		break;                                                                                         \
	}

static jx_level1 level1_of(const char *s)
{
	for (int i = 1; i <= JX_L1_COST; i++)
		if (s && strcmp(s, jx_level1_name((jx_level1)i)) == 0)
			return (jx_level1)i;
	return JX_L1_UNKNOWN;
}

static jx_level2 level2_of(const char *s)
{
	for (int i = 1; i <= JX_L2_ECO_COST; i++)
		if (s && strcmp(s, jx_level2_name((jx_level2)i)) == 0)
			return (jx_level2)i;
	return JX_L2_UNKNOWN;
}

static void read_indicators(rctx *r, json_t *o, const char *key, jx_indicator_vec *vec)
{
	EACH(r, o, key, e, {
		jx_indicator *d = PUSH(r, vec);
		NEED(r, d);
		d->level1 = get_str(r, e, "level1");
		d->level2 = get_str(r, e, "level2");
		d->l1 = level1_of(d->level1);
		d->l2 = level2_of(d->level2);
		d->level1_text = get_str(r, e, "level1_text");
		d->level2_text = get_str(r, e, "level2_text");
		d->name = get_str(r, e, "name");
		d->desc = get_str(r, e, "desc");
		read_value(r, json_object_get(e, "value"), &d->value, "value");
		d->basis = get_str(r, e, "basis");
		d->standard = get_str(r, e, "standard");
		const char *scope = get_str(r, e, "scope");
		d->scope = (scope && strcmp(scope, "period") == 0) ? JX_SCOPE_PERIOD : JX_SCOPE_YEAR;
		d->goal = (int)get_int(r, e, "goal", 0, 0, 100000);
		json_t *rep = get_array(r, e, "repairs");
		for (size_t k = 0; rep && k < json_array_size(rep); k++) {
			const char *nm = json_string_value(json_array_get(rep, k));
			for (size_t m = 0; nm && m < NREPAIRS; m++)
				if (strcmp(nm, repair_names[m]) == 0)
					d->repairs |= 1u << m;
		}
		json_t *act = json_object_get(e, "actual");
		if (act && !json_is_null(act)) {
			d->has_actual = true;
			read_value(r, act, &d->actual, "actual");
		}
		d->weight = get_decimal(r, e, "weight");
		d->score = get_decimal(r, e, "score");
		d->reason = get_str(r, e, "reason");
		d->src = get_src(r, e);
	});
}

static void read_project(rctx *r, json_t *e, jx_project *p)
{
	p->name = get_str(r, e, "name");
	p->code = get_str(r, e, "code");
	p->attribute = get_str(r, e, "attribute");
	p->duration = get_str(r, e, "duration");
	p->supervisor = get_str(r, e, "supervisor");
	p->supervisor_code = get_str(r, e, "supervisor_code");
	p->implementer = get_str(r, e, "implementer");
	p->office = get_str(r, e, "office");
	p->unit_label = get_str(r, e, "unit_label");
	p->fund = get_str(r, e, "fund");
	p->category = get_str(r, e, "category");
	get_amount(r, e, "amount", &p->amount);
	get_amount(r, e, "amount_total", &p->amount_total);
	get_amount(r, e, "budget_initial", &p->budget_initial);
	get_amount(r, e, "budget_full", &p->budget_full);
	get_amount(r, e, "spent", &p->spent);
	p->score_budget = get_decimal(r, e, "score_budget");
	p->score_total = get_decimal(r, e, "score_total");
	EACH(r, e, "funding", f, {
		jx_funding *x = PUSH(r, &p->funding);
		NEED(r, x);
		x->source = get_str(r, f, "name");
		get_amount(r, f, "total", &x->total);
		get_amount(r, f, "year", &x->year);
		x->src = get_src(r, f);
	});
	EACH(r, e, "schedule", s, {
		jx_schedule_point *x = PUSH(r, &p->schedule);
		NEED(r, x);
		x->label = get_str(r, s, "label");
		x->month = (int)get_int(r, s, "month", 0, 0, 12);
		json_t *pc = json_object_get(s, "percent");
		x->present = pc && !json_is_null(pc);
		x->percent = get_decimal(r, s, "percent");
		x->src = get_src(r, s);
	});
	get_text(r, e, "usage", &p->usage);
	get_text(r, e, "overview", &p->overview);
	EACH(r, e, "basis", b, {
		jx_basis *x = PUSH(r, &p->basis);
		NEED(r, x);
		x->text = get_str(r, b, "text");
		x->doc_no = get_str(r, b, "doc_no");
		x->src = get_src(r, b);
	});
	get_text(r, e, "necessity", &p->necessity);
	get_text(r, e, "measures", &p->measures);
	get_text(r, e, "plan", &p->plan);
	get_text(r, e, "goal_total", &p->goal_total);
	get_text(r, e, "goal_year", &p->goal_year);
	read_indicators(r, e, "indicators", &p->indicators);
	EACH(r, e, "lines", l, {
		jx_line *x = PUSH(r, &p->lines);
		NEED(r, x);
		x->name = get_str(r, l, "name");
		x->detail = get_str(r, l, "detail");
		get_amount(r, l, "amount", &x->amount);
		x->calc = get_str(r, l, "calc");
		x->src = get_src(r, l);
	});
	p->src = get_src(r, e);
}

static void read_overall(rctx *r, json_t *o, jx_overall *ov)
{
	json_t *pr = json_object_get(o, "present");
	ov->present = pr ? json_is_true(pr) : true;
	ov->title = get_str(r, o, "title");
	get_amount(r, o, "total", &ov->total);
	EACH(r, o, "budget", b, {
		jx_named_amount *x = PUSH(r, &ov->budget);
		NEED(r, x);
		x->group = get_str(r, b, "group");
		x->name = get_str(r, b, "name");
		get_amount(r, b, "amount", &x->amount);
		x->src = get_src(r, b);
	});
	get_text(r, o, "duties", &ov->duties);
	get_text(r, o, "strategy", &ov->strategy);
	get_text(r, o, "goal", &ov->goal);
	EACH(r, o, "tasks", t, {
		jx_task *x = PUSH(r, &ov->tasks);
		NEED(r, x);
		x->no = get_str(r, t, "no");
		x->name = get_str(r, t, "name");
		x->function = get_str(r, t, "function");
		x->unit = get_str(r, t, "unit");
		get_amount(r, t, "total", &x->total);
		get_amount(r, t, "basic", &x->basic);
		get_amount(r, t, "project", &x->project);
		get_amount(r, t, "other", &x->other);
		x->src = get_src(r, t);
	});
	EACH(r, o, "goals", g, {
		jx_goal *x = PUSH(r, &ov->goals);
		NEED(r, x);
		x->no = get_str(r, g, "no");
		x->text = get_str(r, g, "text");
		x->task = get_str(r, g, "task");
		x->src = get_src(r, g);
	});
	read_indicators(r, o, "indicators", &ov->indicators);
	ov->src = get_src(r, o);
}

static int index_of(const char *s, const char *const *names, size_t n, int dflt)
{
	for (size_t i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return dflt;
}

static void read_table(rctx *r, json_t *e, jx_table *t)
{
	t->number = (int)get_int(r, e, "number", 0, 0, 1000);
	t->id = get_str(r, e, "id");
	t->title = get_str(r, e, "title");
	t->unit = unit_of(get_str(r, e, "unit"));
	t->unit_text = get_str(r, e, "unit_text");
	t->note = get_str(r, e, "note");
	EACH(r, e, "columns", c, {
		jx_column *x = PUSH(r, &t->columns);
		NEED(r, x);
		x->name = get_str(r, c, "name");
		x->side = (int)get_int(r, c, "side", 0, 0, 1);
	});
	EACH(r, e, "rows", w, {
		jx_row *x = PUSH(r, &t->rows);
		NEED(r, x);
		x->code = get_str(r, w, "code");
		x->name = get_str(r, w, "name");
		x->name2 = get_str(r, w, "name2");
		x->side = (int)get_int(r, w, "side", 0, 0, 1);
		x->level = (int)get_int(r, w, "level", 0, 0, 100);
		x->kind = (jx_row_kind)index_of(get_str(r, w, "kind"), row_kinds, 3, 0);
		x->amounts = jx_arena_calloc(r->pkg->arena, t->columns.n ? t->columns.n : 1, sizeof *x->amounts);
		NEED(r, x->amounts);
		json_t *a = get_array(r, w, "amounts");
		if (a && json_array_size(a) > t->columns.n) {
			bad(r, "amounts", "金额个数多于列数");
			break;
		}
		for (size_t k = 0; a && k < json_array_size(a); k++) {
			size_t o1 = push(r, "amounts", 0), o2 = push(r, NULL, (long)k);
			(void)o2;
			read_amount_value(r, json_array_get(a, k), &x->amounts[k], NULL);
			pop(r, o1);
		}
		x->src = get_src(r, w);
	});
	t->src = get_src(r, e);
}

static void read_root(rctx *r, json_t *root)
{
	jx_pkg *pkg = r->pkg;
	json_t *d = json_object_get(root, "department");
	if (d && json_is_object(d)) {
		size_t old = push(r, "department", 0);
		jx_department *dp = &pkg->dept;
		dp->name = get_str(r, d, "name");
		dp->code = get_str(r, d, "code");
		dp->region = get_str(r, d, "region");
		dp->level = get_str(r, d, "level");
		get_text(r, d, "duties", &dp->duties);
		get_text(r, d, "structure", &dp->structure);
		dp->internal_units = (int)get_int(r, d, "internal_units", -1, -1, 1000000);
		dp->budget_units = (int)get_int(r, d, "budget_units", -1, -1, 1000000);
		dp->staff_authorized = (int)get_int(r, d, "staff_authorized", -1, -1, 10000000);
		dp->staff_actual = (int)get_int(r, d, "staff_actual", -1, -1, 10000000);
		dp->staff_on_books = (int)get_int(r, d, "staff_on_books", -1, -1, 10000000);
		dp->staff_other = (int)get_int(r, d, "staff_other", -1, -1, 10000000);
		dp->retired = (int)get_int(r, d, "retired", -1, -1, 10000000);
		dp->src = get_src(r, d);
		pop(r, old);
	} else if (d && !json_is_null(d)) {
		bad(r, "department", "应为对象");
	}
	pkg->year = (int)get_int(r, root, "year", 0, 0, 9999);
	pkg->title = get_str(r, root, "title");
	EACH(r, root, "sources", s, {
		jx_source *x = PUSH(r, &pkg->sources);
		NEED(r, x);
		x->file = get_str(r, s, "file");
		x->sha256 = get_str(r, s, "sha256");
		x->format = get_str(r, s, "format");
		x->encoding = get_str(r, s, "encoding");
	});
	json_t *ov = json_object_get(root, "overall");
	if (ov && json_is_object(ov)) {
		size_t old = push(r, "overall", 0);
		read_overall(r, ov, &pkg->overall);
		pop(r, old);
	} else if (ov && !json_is_null(ov)) {
		bad(r, "overall", "应为对象");
	}
	EACH(r, root, "projects", p, {
		jx_project *x = PUSH(r, &pkg->projects);
		NEED(r, x);
		read_project(r, p, x);
	});
	EACH(r, root, "funds", f, {
		jx_fund_summary *x = PUSH(r, &pkg->funds);
		NEED(r, x);
		x->title = get_str(r, f, "title");
		get_amount(r, f, "total", &x->total);
		EACH(r, f, "items", it, {
			jx_fund_item *y = PUSH(r, &x->items);
			NEED(r, y);
			y->no = get_str(r, it, "no");
			y->name = get_str(r, it, "name");
			get_amount(r, it, "amount", &y->amount);
			y->goal_period = get_str(r, it, "goal_period");
			y->goal_year = get_str(r, it, "goal_year");
			y->src = get_src(r, it);
		});
		x->src = get_src(r, f);
	});
	EACH(r, root, "tables", t, {
		jx_table *x = PUSH(r, &pkg->tables);
		NEED(r, x);
		read_table(r, t, x);
	});
	EACH(r, root, "statements", s, {
		jx_statement *x = PUSH(r, &pkg->statements);
		NEED(r, x);
		x->section = get_str(r, s, "section");
		x->text = get_str(r, s, "text");
		EACH(r, s, "facts", fa, {
			jx_fact *y = PUSH(r, &x->facts);
			NEED(r, y);
			y->kind = (jx_fact_kind)index_of(get_str(r, fa, "kind"), fact_kinds, 5, 0);
			y->label = get_str(r, fa, "label");
			get_amount(r, fa, "amount", &y->amount);
			y->number = get_decimal(r, fa, "number");
			y->unit = get_str(r, fa, "unit");
			y->sign = (int)get_int(r, fa, "sign", 0, -1, 1);
			y->text = get_str(r, fa, "text");
			y->src = get_src(r, fa);
		});
		x->src = get_src(r, s);
	});
	EACH(r, root, "notes", n, {
		jx_note *x = PUSH(r, &pkg->notes);
		NEED(r, x);
		x->level = (jx_note_level)index_of(get_str(r, n, "level"), note_levels, 3, 0);
		x->code = get_str(r, n, "code");
		x->message = get_str(r, n, "message");
		x->subject = get_str(r, n, "subject");
		x->src = get_src(r, n);
	});
}

int jx_pkg_from_json(jx_pkg **out, const char *data, size_t len, const char *file)
{
	*out = NULL;
	if (!file)
		file = "<input>";
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	if (i == len)
		return jx_error_set(JX_EPARSE, "%s: 文件为空", file);
	json_error_t e;
	json_t *root = json_loadb(data, len, JSON_DECODE_ANY, &e);
	if (!root) {
		int code = strstr(e.text, "too big") ? JX_ERANGE : JX_EPARSE;
		return jx_error_set(code, "%s:%d:%d: JSON 语法错误：%s", file, e.line, e.column, e.text);
	}
	if (!json_is_object(root)) {
		json_decref(root);
		return jx_error_set(JX_EPARSE, "%s: 顶层应为 JSON 对象", file);
	}
	jx_pkg *pkg = jx_pkg_new();
	if (!pkg) {
		json_decref(root);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	rctx r = {pkg, file, "", 0};
	read_root(&r, root);
	json_decref(root);
	if (r.err) {
		jx_pkg_free(pkg);
		return r.err;
	}
	*out = pkg;
	return 0;
}
