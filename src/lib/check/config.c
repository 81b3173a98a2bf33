/* config.c: which rules run at which severity, and the tolerances, from defaults or an INI file (inih). */
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"

jx_check_config *jx_check_config_new(void)
{
	jx_check_config *cfg = calloc(1, sizeof *cfg);
	if (!cfg)
		return NULL;
	cfg->sev = calloc(R__COUNT, sizeof *cfg->sev);
	if (!cfg->sev) {
		free(cfg);
		return NULL;
	}
	for (size_t i = 0; i < R__COUNT; i++)
		cfg->sev[i] = jx_rule_at(i)->severity;
	cfg->cost_share_min = 50;
	cfg->satisfaction_min = 80;
	cfg->short_goal_chars = 15;
	cfg->long_name_chars = 20;
	cfg->copied_min = 4;
	snprintf(cfg->over_names, sizeof cfg->over_names, "%s", "增长率,增长,增幅,提高率,增加率,比上年");
	return cfg;
}

void jx_check_config_free(jx_check_config *cfg)
{
	if (!cfg)
		return;
	free(cfg->sev);
	free(cfg);
}

jx_severity jx_check_config_severity(const jx_check_config *cfg, const jx_rule *rule)
{
	if (!rule)
		return JX_SEV_OFF;
	if (!cfg)
		return rule->severity;
	return cfg->sev[rule - jx_rule_at(0)];
}

static int parse_int(const char *value, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (errno || end == value || *end || v < lo || v > hi)
		return jx_error_set(JX_EINVAL, "“%s”不是 %d 到 %d 之间的整数", value, lo, hi);
	*out = (int)v;
	return 0;
}

int jx_check_config_set(jx_check_config *cfg, const char *section, const char *key, const char *value)
{
	if (!strcmp(section, "rules")) {
		jx_severity sev;
		if (jx_severity_parse(value, &sev))
			return jx_error_set(JX_EINVAL, "规则“%s”的级别“%s”无效（可用 off、info、warning、error）", key, value);
		const jx_rule *rule = jx_rule_find(key);
		if (rule) {
			cfg->sev[rule - jx_rule_at(0)] = sev;
			return 0;
		}
		/* A family name (or "all") re-grades every rule in it. */
		bool any = false;
		for (size_t i = 0; i < R__COUNT; i++)
			if (!strcmp(key, "all") || !strcmp(jx_rule_at(i)->family, key)) {
				cfg->sev[i] = sev;
				any = true;
			}
		if (!any)
			return jx_error_set(JX_EINVAL, "没有名为“%s”的规则或规则族（jx rules 列出全部规则）", key);
		return 0;
	}
	if (!strcmp(section, "tolerance")) {
		if (!strcmp(key, "rounding")) {
			if (!strcmp(value, "strict"))
				cfg->strict_rounding = true;
			else if (!strcmp(value, "auto"))
				cfg->strict_rounding = false;
			else
				return jx_error_set(JX_EINVAL, "rounding 只能是 auto 或 strict，而不是“%s”", value);
			return 0;
		}
		if (!strcmp(key, "cost-share-min"))
			return parse_int(value, 0, 100, &cfg->cost_share_min);
		if (!strcmp(key, "satisfaction-min"))
			return parse_int(value, 0, 100, &cfg->satisfaction_min);
		if (!strcmp(key, "short-goal-chars"))
			return parse_int(value, 0, 1000, &cfg->short_goal_chars);
		if (!strcmp(key, "long-name-chars"))
			return parse_int(value, 1, 1000, &cfg->long_name_chars);
		if (!strcmp(key, "copied-min"))
			return parse_int(value, 1, 1000, &cfg->copied_min);
		if (!strcmp(key, "over-percent-names")) {
			if (strlen(value) >= sizeof cfg->over_names)
				return jx_error_set(JX_EINVAL, "over-percent-names 过长");
			snprintf(cfg->over_names, sizeof cfg->over_names, "%s", value);
			return 0;
		}
		return jx_error_set(JX_EINVAL, "未知的容差设置“%s”", key);
	}
	return jx_error_set(JX_EINVAL, "未知的配置节“[%s]”（可用 [rules] 和 [tolerance]）", section);
}

typedef struct load_state {
	jx_check_config *cfg;
	char message[512];
} load_state;

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
	load_state *st = user;
	if (jx_check_config_set(st->cfg, section, name, value)) {
		snprintf(st->message, sizeof st->message, "%s", jx_error_last());
		return 0; /* inih reports this line */
	}
	return 1;
}

static int report_ini(int rc, const char *name, const load_state *st)
{
	if (rc == -1)
		return jx_error_set(JX_EIO, "%s: 无法读取配置文件", name);
	if (rc == -2)
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", name);
	if (rc > 0)
		return jx_error_set(JX_EPARSE, "%s:%d: %s", name, rc, st->message[0] ? st->message : "无法解析这一行");
	return 0;
}

int jx_check_config_parse(jx_check_config *cfg, const char *text, const char *name)
{
	load_state st = {cfg, ""};
	return report_ini(ini_parse_string(text, on_entry, &st), name, &st);
}

int jx_check_config_load(jx_check_config *cfg, const char *path)
{
	load_state st = {cfg, ""};
	int rc = ini_parse(path, on_entry, &st);
	return report_ini(rc, path, &st);
}

