/* cmd_eval.c: `jx eval PACKAGE ACTUALS`: the year-end self-evaluation (绩效自评) of every project with actuals. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/db.h"
#include "jx/eval.h"
#include "jx/import.h"
#include "util/file.h"

const char cmd_eval_usage[] =
	"用法：jx eval [选项] 预算包 [实际完成情况.json 或 .xlsx]\n"
	"      jx eval --db 数据库 [选项] 预算包 [实际完成情况]\n\n"
	"按通行的绩效自评方法为每个项目打分：预算执行率 10 分（执行率 × 10），产出 50 分、效益 30 分、满意度 10 分，\n"
	"指标分值默认在同一一级指标内平均分配；正向指标按 实际/目标 计分，反向指标（≤）超出后线性降至两倍目标时为 0，\n"
	"时限指标按时完成得满分，定性指标按“达成、部分达成、未达成”三档计分。逐项写明计分过程。\n"
	"预算包是 jx import 能读的任何文件；实际完成情况是 JSON（格式见 docs/eval.md）或 jx template --eval 生成并填好的\n"
	"Excel 工作簿（按内容识别）。预算包本身是已公开的项目支出绩效自评表时，\n"
	"可以不给实际完成情况：按表中的实际完成值重新计分，并指出表中得分与计分方法不一致之处。\n"
	"  --format text|json|html|xlsx  输出格式（默认 text；xlsx 每个项目一张工作表，需要 -o）\n"
	"  -o 输出                    写入文件（完整写出，或不写）\n"
	"  --grades 优,良,中           等级分数线（默认 90,80,60）\n"
	"  --overshoot 百分比          实际达到目标的这一比例以上视为目标偏低（默认 130）\n"
	"  --no-cap                   执行率超过 100% 时不封顶\n"
	"  --db 数据库                 预算包取自数据库（编号、内容哈希、“部门名称:年度”或部门名称），\n"
	"                             得分存回数据库（替换该预算包此前的得分），可用 jx db scores 查询\n"
	"退出状态：0 成功；2 用法错误；3 文件无法读取或实际完成情况有误；4 无法写出。\n";

/* Actuals by content, not by file name: a zip (the workbook of `jx template --eval`, filled in) or JSON. */
static int load_actuals(jx_actuals **out, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	int rc = jx_file_read(&data, &len, path, 0);
	if (rc)
		return rc;
	if (len >= 4 && !memcmp(data, "PK\x03\x04", 4))
		rc = jx_actuals_from_xlsx(out, data, len, path);
	else
		rc = jx_actuals_from_json(out, data, len, path);
	free(data);
	return rc;
}

static int parse_grades(const char *s, jx_eval_config *cfg)
{
	jx_decimal v[3];
	for (int i = 0; i < 3; i++) {
		int used = jx_decimal_parse(&v[i], s, strlen(s));
		if (used <= 0)
			return -1;
		s += used;
		if (i < 2 && *s++ != ',')
			return -1;
	}
	if (*s || jx_decimal_cmp(&v[0], &v[1]) < 0 || jx_decimal_cmp(&v[1], &v[2]) < 0)
		return -1;
	cfg->grade_excellent = v[0];
	cfg->grade_good = v[1];
	cfg->grade_pass = v[2];
	return 0;
}

/* --db: the scores go back into the store with the package they belong to. */
static int store_scores(const char *target, int64_t package_id, const jx_evaluation *e)
{
	jx_db *db = NULL;
	int rc = jx_db_open(&db, target), status = JX_EXIT_OK;
	if (rc) {
		status = rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
	} else if ((rc = jx_db_store_evaluation(db, package_id, e))) {
		status = rc == JX_ENOTFOUND ? JX_EXIT_INPUT : JX_EXIT_OUTPUT;
	}
	if (rc)
		cli_error("%s", jx_error_last());
	jx_db_close(db);
	return status;
}

int cmd_eval(int argc, char **argv)
{
	const char *out = NULL, *files[2] = {NULL, NULL}, *db_target = NULL;
	jx_eval_format fmt = JX_EVAL_TEXT;
	jx_eval_config cfg;
	jx_eval_config_init(&cfg);
	int nfiles = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool takes = !strcmp(a, "-o") || !strcmp(a, "--format") || !strcmp(a, "--grades") ||
			     !strcmp(a, "--overshoot") || !strcmp(a, "--db");
		if (takes && i + 1 >= argc)
			return cli_usage_error("eval", "%s 需要一个参数", a);
		if (!strcmp(a, "-o")) {
			out = argv[++i];
		} else if (!strcmp(a, "--db")) {
			db_target = argv[++i];
		} else if (!strcmp(a, "--format")) {
			const char *f = argv[++i];
			if (!strcmp(f, "text"))
				fmt = JX_EVAL_TEXT;
			else if (!strcmp(f, "json"))
				fmt = JX_EVAL_JSON;
			else if (!strcmp(f, "html"))
				fmt = JX_EVAL_HTML;
			else if (!strcmp(f, "xlsx"))
				fmt = JX_EVAL_XLSX;
			else
				return cli_usage_error("eval", "不支持的格式“%s”（可用 text、json、html、xlsx）", f);
		} else if (!strcmp(a, "--grades")) {
			if (parse_grades(argv[++i], &cfg))
				return cli_usage_error("eval", "--grades 需要三个由高到低的分数，如 90,80,60");
		} else if (!strcmp(a, "--overshoot")) {
			char *end;
			long v = strtol(argv[++i], &end, 10);
			if (*end || v < 100 || v > 10000)
				return cli_usage_error("eval", "--overshoot 需要 100 到 10000 之间的整数");
			cfg.overshoot_percent = (int)v;
		} else if (!strcmp(a, "--no-cap")) {
			cfg.cap_budget = false;
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error("eval", "未知选项“%s”", a);
		} else if (nfiles < 2) {
			files[nfiles++] = a;
		} else {
			return cli_usage_error("eval", "多余的参数“%s”", a);
		}
	}
	if (fmt == JX_EVAL_XLSX && !out)
		return cli_usage_error("eval", "xlsx 格式需要用 -o 指定输出文件");
	if (nfiles < 1)
		return cli_usage_error("eval", "需要预算包（以及实际完成情况，除非预算包本身是绩效自评表）");
	jx_pkg *pkg = NULL;
	jx_actuals *act = NULL;
	jx_evaluation *e = NULL;
	int status = JX_EXIT_OK, rc;
	int64_t package_id = 0;
	if ((rc = cli_load_package(db_target, files[0], &pkg, &package_id)) ||
	    (rc = files[1] ? load_actuals(&act, files[1]) : jx_actuals_from_pkg(&act, pkg)) ||
	    (rc = jx_eval(&e, pkg, act, &cfg))) {
		cli_error("%s", jx_error_last());
		status = rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
	} else if (db_target && (rc = store_scores(db_target, package_id, e))) {
		status = rc;
	} else {
		char *text = NULL;
		size_t len = 0;
		jx_buf b = JX_BUF_INIT;
		if ((rc = jx_evaluation_render(e, fmt, &text, &len)) || jx_buf_put(&b, text, len)) {
			cli_error("%s", rc && jx_error_last()[0] ? jx_error_last() : "内存不足");
			status = JX_EXIT_OUTPUT;
		} else {
			status = cli_write_output(out, &b);
		}
		free(text);
		jx_buf_release(&b);
	}
	jx_evaluation_free(e);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
	return status;
}
