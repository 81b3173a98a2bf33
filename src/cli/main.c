/* main.c: the `jx` command: git-style subcommands over the jixiao library. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/check.h"
#include "jx/db.h"
#include "jx/import.h"
#include "jx/common.h"
#include "util/file.h"

static const cli_cmd commands[] = {
	{"import", cmd_import, "读取预算文件（PDF、DOCX、XLSX、XLS、文本、JSON），输出规范 JSON 或可读摘要", cmd_import_usage},
	{"check", cmd_check, "审核预算文件，按规则列出问题（文本、JSON、SARIF、HTML）", cmd_check_usage},
	{"rules", cmd_rules, "列出全部审核规则", cmd_rules_usage},
	{"explain", cmd_explain, "显示一条审核规则的说明", cmd_explain_usage},
	{"eval", cmd_eval, "年终绩效自评：按实际完成情况为每个项目打分", cmd_eval_usage},
	{"monitor", cmd_monitor, "运行监控：按日期比较支出进度与指标完成进度并亮灯", cmd_monitor_usage},
	{"db", cmd_db, "数据库：导入、查询与导出（SQLite 或 PostgreSQL）", cmd_db_usage},
	{"render", cmd_render, "发布：按标准格式输出公开表、绩效目标表与审核报告（HTML、XLSX、CSV）", cmd_render_usage},
	{"template", cmd_template, "生成填报模板（XLSX）：绩效目标或年终实际完成值", cmd_template_usage},
	{"value", cmd_value, "解析指标值或金额，每项输出一行 JSON", cmd_value_usage},
	{"fmt", cmd_fmt, "读取规范 JSON 并规范化输出", cmd_fmt_usage},
	{"version", cmd_version, "显示版本", cmd_version_usage},
	{"help", cmd_help, "显示帮助：jx help 命令", cmd_help_usage},
};

const cli_cmd *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("jx: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "jx %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n用法见：jx help %s\n", cmd);
	va_end(ap);
	return JX_EXIT_USAGE;
}

int cli_write_output(const char *out, jx_buf *buf)
{
	int rc = jx_file_write_atomic(out ? out : "-", buf->ptr ? buf->ptr : "", buf->len);
	if (rc) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_OUTPUT;
	}
	return JX_EXIT_OK;
}

int cli_exit_for(int rc)
{
	switch (rc) {
	case JX_OK:
		return JX_EXIT_OK;
	case JX_ENOMEM:
		return JX_EXIT_OUTPUT;
	case JX_EINVAL:
		return JX_EXIT_USAGE;
	default:
		return JX_EXIT_INPUT;
	}
}

static void print_overview(FILE *f)
{
	fputs("jx — 预算绩效目标文件的读取、审核与发布工具\n\n用法：jx 命令 [参数…]\n\n命令：\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\n退出状态：0 成功；1 审核发现错误；2 用法错误；3 输入文件缺失、无法读取或无效；4 无法写出结果或内存不足。\n"
	      "详见：jx help 命令\n",
	      f);
}

const char cmd_help_usage[] = "用法：jx help [命令]\n\n显示命令列表，或某个命令的详细用法。\n";

int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		print_overview(stdout);
		return JX_EXIT_OK;
	}
	const cli_cmd *c = cli_find(argv[1]);
	if (!c) {
		cli_error("没有命令“%s”", argv[1]);
		print_overview(stderr);
		return JX_EXIT_USAGE;
	}
	fputs(c->usage, stdout);
	return JX_EXIT_OK;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_overview(stderr);
		return JX_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		return cmd_help(1, argv + 1);
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		return cmd_version(1, argv + 1);
	const cli_cmd *c = cli_find(name);
	if (!c) {
		cli_error("没有命令“%s”", name);
		print_overview(stderr);
		return JX_EXIT_USAGE;
	}
	/* `jx CMD --help` is the same as `jx help CMD`. */
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(c->usage, stdout);
			return JX_EXIT_OK;
		}
	}
	return c->run(argc - 1, argv + 1);
}

/* A canonical JSON package points at the document it was imported from; quote that document when it is at hand. */
void cli_attach_originals(jx_report *r)
{
	const char *tried[16];
	size_t ntried = 0;
	for (size_t i = 0; i < jx_report_count(r); i++) {
		const jx_finding *f = jx_report_at(r, i);
		size_t len;
		if (!f->src.file || !f->src.line || jx_report_source_line(r, f->src.file, f->src.line, &len))
			continue;
		bool seen = false;
		for (size_t k = 0; k < ntried; k++)
			seen |= !strcmp(tried[k], f->src.file);
		if (seen || ntried == sizeof tried / sizeof tried[0])
			continue;
		tried[ntried++] = f->src.file;
		char *data = NULL;
		if (jx_file_read(&data, &len, f->src.file, (size_t)64 << 20) == 0)
			jx_report_attach_source(r, f->src.file, data, len);
		free(data);
	}
}

int cli_load_package(const char *db_target, const char *ref, jx_pkg **out, int64_t *package_id)
{
	*out = NULL;
	if (package_id)
		*package_id = 0;
	if (!db_target)
		return jx_import_file(out, ref, NULL);
	jx_db *db = NULL;
	int rc = jx_db_open(&db, db_target);
	int64_t id = 0;
	if (!rc)
		rc = jx_db_find_package(db, ref, &id);
	if (!rc)
		rc = jx_db_export(db, ref, out);
	if (!rc && package_id)
		*package_id = id;
	jx_db_close(db);
	return rc;
}
