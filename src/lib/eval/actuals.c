/* actuals.c: what happened, read from canonical JSON (docs/eval.md): per project the budget and the money spent, per
 * indicator the achieved value, the reason for a shortfall, a weight, a level and a score. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/eval.h"
#include "util/arena.h"
#include "util/file.h"

typedef struct rd {
	jx_actuals *a;
	jx_money_unit unit; /* the file's money unit for bare numbers */
	char path[128];     /* where we are, for messages: projects[2].indicators[0].actual */
} rd;

static int fail(const rd *r, const char *what)
{
	return jx_error_set(JX_EPARSE, "%s: %s%s%s", r->a->file, r->path[0] ? r->path : "", r->path[0] ? ": " : "", what);
}

/* A JSON string or number as text (numbers as JSON wrote them). Returns NULL for anything else. */
static const char *scalar(rd *r, json_t *v, char buf[64])
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, 64, "%lld", (long long)json_integer_value(v));
		return buf;
	}
	if (json_is_real(v)) {
		/* 15 significant digits reproduce any decimal a person wrote. */
		snprintf(buf, 64, "%.15g", json_real_value(v));
		return buf;
	}
	(void)r;
	return NULL;
}

static int read_money(rd *r, json_t *o, const char *key, jx_amount *out)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return 0;
	char buf[64];
	const char *s = scalar(r, v, buf);
	size_t base = strlen(r->path);
	snprintf(r->path + base, sizeof r->path - base, ".%s", key);
	if (!s)
		return fail(r, "金额应为数字或字符串");
	jx_src src = {r->a->file, 0, 0, 0, 0};
	/* "228000元", "22.80万元" carry their own unit; a bare number is in the file's unit. */
	jx_value val;
	if (jx_value_parse(&val, s, strlen(s), r->a->arena) == 0 && val.kind == JX_KIND_MONEY && val.op == JX_OP_NONE) {
		*out = (jx_amount){.present = true, .fen = val.fen, .unit = jx_money_unit_parse(val.unit),
				   .scale = (int8_t)val.number.scale, .text = val.text, .src = src};
	} else {
		jx_pkg tmp = {.arena = r->a->arena};
		int rc = jx_amount_parse(&tmp, out, s, strlen(s), r->unit, src);
		if (rc)
			return fail(r, rc == JX_ERANGE ? "金额超出范围" : "不是金额");
	}
	if (out->fen < 0)
		return fail(r, "金额不能为负");
	r->path[base] = '\0';
	return 0;
}

static int read_decimal(rd *r, json_t *o, const char *key, jx_decimal *out, bool *has)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return 0;
	char buf[64];
	const char *s = scalar(r, v, buf);
	size_t base = strlen(r->path);
	snprintf(r->path + base, sizeof r->path - base, ".%s", key);
	int used = s ? jx_decimal_parse(out, s, strlen(s)) : 0;
	if (used <= 0 || (size_t)used != strlen(s))
		return fail(r, "应为一个数");
	r->path[base] = '\0';
	*has = true;
	return 0;
}

static const char *str(rd *r, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? jx_arena_strdup(r->a->arena, json_string_value(v)) : NULL;
}

const char *jx_level_zh(jx_level l)
{
	switch (l) {
	case JX_LEVEL_MET: return "达成年度指标";
	case JX_LEVEL_PARTLY: return "部分达成并具有一定效果";
	case JX_LEVEL_NOT_MET: return "未达成且效果较差";
	default: return "";
	}
}

int jx_level_parse(const char *s, jx_level *out)
{
	static const struct {
		const char *name;
		jx_level level;
	} names[] = {
		{"达成", JX_LEVEL_MET},          {"达成年度指标", JX_LEVEL_MET},       {"met", JX_LEVEL_MET},
		{"部分达成", JX_LEVEL_PARTLY},   {"部分达成并具有一定效果", JX_LEVEL_PARTLY}, {"partly", JX_LEVEL_PARTLY},
		{"未达成", JX_LEVEL_NOT_MET},    {"未达成且效果较差", JX_LEVEL_NOT_MET}, {"not-met", JX_LEVEL_NOT_MET},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].name)) {
			*out = names[i].level;
			return 0;
		}
	return JX_EINVAL;
}

static int read_indicator(rd *r, json_t *o, jx_actual_project *p)
{
	if (!json_is_object(o))
		return fail(r, "应为对象");
	jx_actual_ind *ind = jx_vec_push(r->a->arena, &p->indicators);
	if (!ind)
		return JX_ENOMEM;
	ind->src = (jx_src){r->a->file, 0, 0, 0, 0};
	ind->name = str(r, o, "name");
	if (!ind->name)
		return fail(r, "缺少指标名称 name");
	json_t *v = json_object_get(o, "actual");
	if (v && !json_is_null(v)) {
		char buf[64];
		const char *s = scalar(r, v, buf);
		if (!s)
			return fail(r, "实际完成值 actual 应为字符串或数字");
		if (jx_value_parse(&ind->actual, s, strlen(s), r->a->arena) == JX_ENOMEM)
			return JX_ENOMEM;
		ind->has_actual = true;
	}
	ind->reason = str(r, o, "reason");
	int rc;
	if ((rc = read_decimal(r, o, "weight", &ind->weight, &ind->has_weight)) ||
	    (rc = read_decimal(r, o, "score", &ind->score, &ind->has_score)))
		return rc;
	const char *level = str(r, o, "level");
	if (level && jx_level_parse(level, &ind->level))
		return fail(r, "level 只能是 达成、部分达成 或 未达成");
	return 0;
}

static int read_project(rd *r, json_t *o)
{
	if (!json_is_object(o))
		return fail(r, "应为对象");
	jx_actual_project *p = jx_vec_push(r->a->arena, &r->a->projects);
	if (!p)
		return JX_ENOMEM;
	p->src = (jx_src){r->a->file, 0, 0, 0, 0};
	p->name = str(r, o, "name");
	p->code = str(r, o, "code");
	if (!p->name && !p->code)
		return fail(r, "项目需要 name 或 code");
	int rc;
	if ((rc = read_money(r, o, "budget_initial", &p->budget_initial)) || (rc = read_money(r, o, "budget", &p->budget)) ||
	    (rc = read_money(r, o, "spent", &p->spent)))
		return rc;
	json_t *inds = json_object_get(o, "indicators");
	if (inds && !json_is_array(inds))
		return fail(r, "indicators 应为数组");
	size_t base = strlen(r->path);
	for (size_t i = 0; i < json_array_size(inds); i++) {
		snprintf(r->path + base, sizeof r->path - base, ".indicators[%zu]", i);
		if ((rc = read_indicator(r, json_array_get(inds, i), p)))
			return rc;
	}
	r->path[base] = '\0';
	return 0;
}

int jx_actuals_from_json(jx_actuals **out, const char *data, size_t len, const char *file)
{
	*out = NULL;
	json_error_t err;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		return jx_error_set(JX_EPARSE, "%s:%d: JSON 有误：%s", file, err.line, err.text);
	jx_actuals *a = calloc(1, sizeof *a);
	if (!a || !(a->arena = jx_arena_new())) {
		free(a);
		json_decref(root);
		return JX_ENOMEM;
	}
	a->file = jx_arena_strdup(a->arena, file);
	rd r = {.a = a, .unit = JX_MU_WANYUAN};
	int rc = 0;
	if (!json_is_object(root)) {
		rc = fail(&r, "顶层应为对象");
		goto done;
	}
	json_t *y = json_object_get(root, "year");
	if (json_is_integer(y))
		a->year = (int)json_integer_value(y);
	a->as_of = str(&r, root, "as_of");
	const char *unit = str(&r, root, "unit");
	if (unit && !(r.unit = jx_money_unit_parse(unit))) {
		rc = fail(&r, "unit 应为 元、万元 等货币单位");
		goto done;
	}
	json_t *projects = json_object_get(root, "projects");
	if (!json_is_array(projects)) {
		rc = fail(&r, "缺少 projects 数组");
		goto done;
	}
	for (size_t i = 0; i < json_array_size(projects) && !rc; i++) {
		snprintf(r.path, sizeof r.path, "projects[%zu]", i);
		rc = read_project(&r, json_array_get(projects, i));
	}
done:
	json_decref(root);
	if (rc) {
		jx_actuals_free(a);
		return rc;
	}
	*out = a;
	return 0;
}

int jx_actuals_load(jx_actuals **out, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	int rc = jx_file_read(&data, &len, path, 0);
	if (rc)
		return rc;
	rc = jx_actuals_from_json(out, data, len, path);
	free(data);
	return rc;
}

void jx_actuals_free(jx_actuals *a)
{
	if (!a)
		return;
	jx_arena_free(a->arena);
	free(a);
}

int jx_actuals_from_pkg(jx_actuals **out, const jx_pkg *pkg)
{
	*out = NULL;
	jx_actuals *a = calloc(1, sizeof *a);
	if (!a || !(a->arena = jx_arena_new())) {
		free(a);
		return JX_ENOMEM;
	}
	a->year = pkg->year;
	a->file = pkg->sources.n ? pkg->sources.v[0].file : "";
	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_project *p = &pkg->projects.v[i];
		bool any = p->spent.present;
		for (size_t k = 0; k < p->indicators.n && !any; k++)
			any = p->indicators.v[k].has_actual;
		if (!any)
			continue;
		jx_actual_project *ap = jx_vec_push(a->arena, &a->projects);
		if (!ap) {
			jx_actuals_free(a);
			return JX_ENOMEM;
		}
		*ap = (jx_actual_project){.name = p->name, .code = p->code, .budget_initial = p->budget_initial,
					  .budget = p->budget_full, .spent = p->spent, .src = p->src};
		for (size_t k = 0; k < p->indicators.n; k++) {
			const jx_indicator *ind = &p->indicators.v[k];
			if (!ind->has_actual || !ind->name)
				continue;
			jx_actual_ind *ai = jx_vec_push(a->arena, &ap->indicators);
			if (!ai) {
				jx_actuals_free(a);
				return JX_ENOMEM;
			}
			ai->name = ind->name;
			ai->src = ind->src;
			ai->reason = ind->reason;
			ai->has_weight = ind->weight.digits || ind->weight.scale;
			ai->weight = ind->weight;
			/* "部分达成并具有一定效果" is a level with the printed score inside its band; anything else an actual. */
			jx_level lv;
			if (ind->actual.text && jx_level_parse(ind->actual.text, &lv) == 0) {
				ai->level = lv;
				ai->has_score = ind->score.digits || ind->score.scale;
				ai->score = ind->score;
			} else {
				ai->actual = ind->actual;
				ai->has_actual = true;
			}
		}
	}
	if (!a->projects.n) {
		jx_actuals_free(a);
		return jx_error_set(JX_ENOTFOUND, "预算包中没有实际完成情况（不是绩效自评表）");
	}
	*out = a;
	return 0;
}
