/* cmd_monitor.c: `jx monitor --as-of DATE PACKAGE ACTUALS`: mid-year monitoring (运行监控) of spending and indicator
 * progress against the plan, with traffic lights, as text, JSON or an HTML page. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/eval.h"
#include "jx/import.h"

const char cmd_monitor_usage[] =
	"用法：jx monitor --as-of 年-月-日 [选项] 预算文件 实际数据\n"
	"      jx monitor --db 数据库 --as-of 年-月-日 [选项] 预算包 实际数据\n\n"
	"运行监控（“双监控”）：按监控日期比较资金支出与支出计划（3月底/6月底/10月底/12月底累计进度，\n"
	"无计划时按全年均衡），以及绩效指标完成情况与按时间进度应完成的值（数量、效益指标按 全年目标 × 月份/12；\n"
	"质量、时效、成本指标按是否在目标范围内；定性指标按完成等级），逐项亮灯，并按落后程度排序。\n"
	"预算文件是 jx import 能读取的任何文件；实际数据是 JSON（格式见 docs/eval.md）。\n"
	"  --as-of 年-月-日                监控日期，须在预算年度内（省略时用实际数据中的 as_of）\n"
	"  --format text|json|html         输出格式（默认 text）\n"
	"  -o 输出                          写入文件（完整写出，或不写）\n"
	"  --db 数据库                      预算包取自数据库（编号、内容哈希、“部门名称:年度”或部门名称）\n"
	"  --red N --yellow N --blue N     亮灯阈值（占应完成值的百分比，默认 60、80、120）：\n"
	"                                  低于 red 为红灯，低于 yellow 为黄灯，低于 blue 为绿灯，其余为蓝灯\n"
	"退出状态：0 成功；2 用法错误；3 文件无法读取或实际数据有误；4 无法写出。\n";

static int parse_date(const char *s, jx_date *out)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*out = (jx_date){(int16_t)y, (int8_t)m, (int8_t)d};
	return 0;
}

static int parse_percent(const char *s, int *out)
{
	char *end = NULL;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 10000)
		return -1;
	*out = (int)v;
	return 0;
}

int cmd_monitor(int argc, char **argv)
{
	const char *out = NULL, *as_of_arg = NULL, *files[2] = {NULL, NULL}, *db_target = NULL;
	int nfiles = 0;
	jx_eval_format fmt = JX_EVAL_TEXT;
	jx_monitor_config cfg;
	jx_monitor_config_init(&cfg);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		static const char *const with_arg[] = {"-o",	 "--format", "--as-of", "--red",
						       "--yellow", "--blue",   "--db",	 NULL};
		const char *val = NULL;
		for (size_t k = 0; with_arg[k]; k++)
			if (!strcmp(a, with_arg[k])) {
				if (i + 1 >= argc)
					return cli_usage_error("monitor", "%s 需要一个参数", a);
				val = argv[++i];
			}
		if (!strcmp(a, "-o")) {
			out = val;
		} else if (!strcmp(a, "--format")) {
			if (!strcmp(val, "text"))
				fmt = JX_EVAL_TEXT;
			else if (!strcmp(val, "json"))
				fmt = JX_EVAL_JSON;
			else if (!strcmp(val, "html"))
				fmt = JX_EVAL_HTML;
			else
				return cli_usage_error("monitor", "不支持的格式“%s”（可用 text、json、html）", val);
		} else if (!strcmp(a, "--as-of")) {
			as_of_arg = val;
		} else if (!strcmp(a, "--db")) {
			db_target = val;
		} else if (!strcmp(a, "--red") || !strcmp(a, "--yellow") || !strcmp(a, "--blue")) {
			int *dst = a[2] == 'r' ? &cfg.red_below : a[2] == 'y' ? &cfg.yellow_below : &cfg.blue_from;
			if (parse_percent(val, dst))
				return cli_usage_error("monitor", "%s 需要 0 到 10000 之间的整数（百分比），而不是“%s”", a, val);
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("monitor", "未知选项“%s”", a);
		} else {
			if (nfiles == 2)
				return cli_usage_error("monitor", "多余的参数“%s”", a);
			files[nfiles++] = a;
		}
	}
	if (nfiles != 2)
		return cli_usage_error("monitor", "需要两个文件：预算文件和实际数据");
	if (cfg.red_below > cfg.yellow_below || cfg.yellow_below > cfg.blue_from)
		return cli_usage_error("monitor", "亮灯阈值应满足 --red ≤ --yellow ≤ --blue（现为 %d、%d、%d）", cfg.red_below,
				       cfg.yellow_below, cfg.blue_from);
	jx_date as_of = {0, 0, 0};
	if (as_of_arg && parse_date(as_of_arg, &as_of))
		return cli_usage_error("monitor", "--as-of 应为“年-月-日”，例如 2025-06-30，而不是“%s”", as_of_arg);

	int status = JX_EXIT_OK;
	jx_pkg *pkg = NULL;
	jx_actuals *act = NULL;
	jx_monitoring *mon = NULL;
	char *text = NULL;
	size_t len = 0;
	jx_buf b = JX_BUF_INIT;
	int rc = cli_load_package(db_target, files[0], &pkg, NULL);
	if (!rc)
		rc = jx_actuals_load(&act, files[1]);
	if (rc) {
		cli_error("%s", jx_error_last());
		status = rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
		goto done;
	}
	if (!as_of_arg) {
		if (!act->as_of || parse_date(act->as_of, &as_of)) {
			status = cli_usage_error("monitor", "需要 --as-of 监控日期（实际数据中也没有可用的 as_of）");
			goto done;
		}
	}
	rc = jx_monitor(&mon, pkg, act, as_of, &cfg);
	if (rc) {
		cli_error("%s", jx_error_last());
		status = rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
		goto done;
	}
	if (jx_monitoring_render(mon, fmt, &text, &len) || jx_buf_put(&b, text, len)) {
		cli_error("内存不足");
		status = JX_EXIT_OUTPUT;
		goto done;
	}
	status = cli_write_output(out, &b);
done:
	free(text);
	jx_buf_release(&b);
	jx_monitoring_free(mon);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
	return status;
}
