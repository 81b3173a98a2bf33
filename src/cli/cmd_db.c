/* cmd_db.c: `jx db`: imports packages into the store (SQLite or PostgreSQL) and answers queries about them as
 * text, CSV or JSON; exports a stored package back to canonical JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/db.h"
#include "jx/import.h"
#include "jx/json.h"
#include "util/file.h"

const char cmd_db_usage[] =
	"用法：jx db [--db 数据库] 子命令 [选项]\n\n"
	"把预算包存入数据库，并按部门、年度、项目、指标、科目和审核问题查询。\n"
	"数据库默认为环境变量 JX_DB，未设置时为当前目录下的 jixiao.db（SQLite）；\n"
	"以 postgresql:// 开头（或 libpq 连接串 host=… dbname=…）时使用 PostgreSQL。\n\n"
	"子命令：\n"
	"  import 文件…                  导入（每个文件一个事务；同一内容或同一部门同一年度的旧版本被替换）\n"
	"  ls [packages|departments|years]  列出预算包（默认）、部门或年度\n"
	"  show 预算包|项目               预算包的项目一览，或一个项目的绩效指标\n"
	"  search [--name 文字] [--level1 一级指标] [--level2 二级指标] [--year 年度]  查找绩效指标\n"
	"  totals [--code 科目编码前缀] [--year 年度]  按功能分类科目汇总各部门、各年度的支出（预算支出总表）\n"
	"  findings [--rule 规则或规则族] [--severity 最低级别]  已保存的审核问题（jx check --db 保存）\n"
	"  scores [--dept 部门名称] [--year 年度]  已保存的绩效自评得分（jx eval --db 保存），每个部门按排名\n"
	"  export 预算包 [-o 文件]         重建预算包并输出规范 JSON\n"
	"  counts                        各表行数\n\n"
	"预算包可写编号（jx db ls 第一列）、内容哈希（至少 8 位）、“部门名称:年度”或部门名称（最近年度）。\n"
	"选项：\n"
	"  --db 数据库                   SQLite 文件路径或 PostgreSQL 连接串\n"
	"  --format text|csv|json        查询结果的格式（默认 text）\n"
	"  -o 输出                       写入文件（完整写出，或不写）\n"
	"退出状态：0 成功；2 用法错误；3 文件或数据库无法读取、找不到预算包；4 无法写入数据库或输出。\n";

typedef struct db_args {
	const char *target, *out, *name, *level1, *level2, *code, *rule, *severity, *dept;
	int year;
	jx_db_format fmt;
	char **pos; /* positional arguments after the subcommand */
	int npos;
} db_args;

static int parse_year(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 1900 || v > 2999)
		return -1;
	*out = (int)v;
	return 0;
}

/* Options may come before or after the subcommand; the first non-option word is the subcommand. */
static int parse_args(int argc, char **argv, db_args *a, const char **sub)
{
	*sub = NULL;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		static const char *const with_arg[] = {"--db", "-o", "--format", "--name", "--level1", "--level2",
						       "--code", "--year", "--rule", "--severity", "--dept", NULL};
		bool takes = false;
		for (size_t k = 0; with_arg[k]; k++)
			takes |= !strcmp(s, with_arg[k]);
		if (takes) {
			if (i + 1 >= argc)
				return cli_usage_error("db", "%s 需要一个参数", s);
			const char *v = argv[++i];
			if (!strcmp(s, "--db"))
				a->target = v;
			else if (!strcmp(s, "-o"))
				a->out = v;
			else if (!strcmp(s, "--format")) {
				if (jx_db_format_parse(v, &a->fmt))
					return cli_usage_error("db", "%s", jx_error_last());
			} else if (!strcmp(s, "--name"))
				a->name = v;
			else if (!strcmp(s, "--level1"))
				a->level1 = v;
			else if (!strcmp(s, "--level2"))
				a->level2 = v;
			else if (!strcmp(s, "--code"))
				a->code = v;
			else if (!strcmp(s, "--rule"))
				a->rule = v;
			else if (!strcmp(s, "--severity"))
				a->severity = v;
			else if (!strcmp(s, "--dept"))
				a->dept = v;
			else if (parse_year(v, &a->year))
				return cli_usage_error("db", "--year 需要四位年度，而不是“%s”", v);
		} else if (s[0] == '-' && s[1] != '\0') {
			return cli_usage_error("db", "未知选项“%s”", s);
		} else if (!*sub) {
			*sub = s;
		} else {
			a->pos[a->npos++] = argv[i];
		}
	}
	if (!*sub)
		return cli_usage_error("db", "需要子命令（import、ls、show、search、totals、findings、scores、export、counts）");
	return 0;
}

static int print_table(jx_db_table *t, const db_args *a)
{
	char *text = NULL;
	size_t len = 0;
	int rc = jx_db_table_render(t, a->fmt, &text, &len);
	jx_db_table_free(t);
	if (rc) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_OUTPUT;
	}
	jx_buf b = {text, len, len + 1, 0};
	int st = cli_write_output(a->out, &b);
	jx_buf_release(&b);
	return st;
}

static int query_failed(int rc)
{
	cli_error("%s", jx_error_last());
	return rc == JX_ENOTFOUND ? JX_EXIT_INPUT : cli_exit_for(rc);
}

static int do_import(jx_db *db, const db_args *a)
{
	if (a->npos == 0)
		return cli_usage_error("db", "import 需要至少一个文件");
	int status = JX_EXIT_OK;
	jx_buf b = JX_BUF_INIT;
	for (int i = 0; i < a->npos; i++) {
		char *data = NULL;
		size_t len = 0;
		jx_pkg *pkg = NULL;
		int rc = jx_file_read(&data, &len, a->pos[i], 0);
		if (!rc)
			rc = jx_import_buffer(&pkg, data, len, a->pos[i], NULL);
		free(data);
		if (rc) {
			cli_error("%s", jx_error_last());
			if (cli_exit_for(rc) > status)
				status = cli_exit_for(rc);
			continue;
		}
		jx_db_import_result res = {0, 0, 0};
		rc = jx_db_import(db, pkg, &res);
		if (rc) {
			cli_error("%s: 导入失败，数据库未改动：%s", a->pos[i], jx_error_last());
			status = JX_EXIT_OUTPUT;
		} else {
			jx_buf_printf(&b, "%s：%s %d 年，编号 %lld，%lld 行", a->pos[i], pkg->dept.name ? pkg->dept.name : "（部门不详）",
				      pkg->year, (long long)res.package_id, (long long)res.rows);
			if (res.replaced)
				jx_buf_printf(&b, "（替换了 %d 个旧版本）", res.replaced);
			jx_buf_putc(&b, '\n');
		}
		jx_pkg_free(pkg);
	}
	if (b.len) {
		int w = cli_write_output(a->out, &b);
		if (w)
			status = w;
	}
	jx_buf_release(&b);
	return status;
}

static int do_export(jx_db *db, const db_args *a)
{
	if (a->npos != 1)
		return cli_usage_error("db", "export 需要一个预算包（编号、内容哈希或“部门:年度”）");
	jx_pkg *pkg = NULL;
	int rc = jx_db_export(db, a->pos[0], &pkg);
	if (rc)
		return query_failed(rc);
	char *json = NULL;
	size_t len = 0;
	rc = jx_pkg_to_json(pkg, 0, &json, &len);
	jx_pkg_free(pkg);
	if (rc) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_OUTPUT;
	}
	jx_buf b = {json, len, len + 1, 0};
	int st = cli_write_output(a->out, &b);
	jx_buf_release(&b);
	return st;
}

static int run(jx_db *db, const char *sub, const db_args *a)
{
	jx_db_table *t = NULL;
	int rc;
	if (!strcmp(sub, "import"))
		return do_import(db, a);
	if (!strcmp(sub, "export"))
		return do_export(db, a);
	if (!strcmp(sub, "ls")) {
		jx_db_ls_what what = JX_DB_LS_PACKAGES;
		if (a->npos > 1)
			return cli_usage_error("db", "ls 只接受一个参数");
		if (a->npos == 1) {
			const char *w = a->pos[0];
			if (!strcmp(w, "departments") || !strcmp(w, "部门"))
				what = JX_DB_LS_DEPARTMENTS;
			else if (!strcmp(w, "years") || !strcmp(w, "年度"))
				what = JX_DB_LS_YEARS;
			else if (strcmp(w, "packages") && strcmp(w, "预算包"))
				return cli_usage_error("db", "ls 可列出 packages、departments 或 years，而不是“%s”", w);
		}
		rc = jx_db_ls(db, what, &t);
	} else if (!strcmp(sub, "show")) {
		if (a->npos != 1)
			return cli_usage_error("db", "show 需要一个预算包或项目");
		rc = jx_db_show(db, a->pos[0], &t);
	} else if (!strcmp(sub, "search")) {
		if (!a->name && !a->level1 && !a->level2)
			return cli_usage_error("db", "search 需要 --name、--level1 或 --level2");
		jx_db_search_opts o = {a->name, a->level1, a->level2, a->year, 0};
		rc = jx_db_search(db, &o, &t);
	} else if (!strcmp(sub, "totals")) {
		rc = jx_db_totals(db, a->code, a->year, &t);
	} else if (!strcmp(sub, "findings")) {
		rc = jx_db_findings(db, a->rule, a->severity, &t);
		if (rc == JX_EINVAL)
			return cli_usage_error("db", "%s", jx_error_last());
	} else if (!strcmp(sub, "scores")) {
		rc = jx_db_scores(db, a->dept, a->year, &t);
	} else if (!strcmp(sub, "counts")) {
		rc = jx_db_counts(db, &t);
	} else {
		return cli_usage_error("db", "未知子命令“%s”", sub);
	}
	if (rc)
		return query_failed(rc);
	return print_table(t, a);
}

int cmd_db(int argc, char **argv)
{
	db_args a;
	memset(&a, 0, sizeof a);
	a.fmt = JX_DB_TEXT;
	a.pos = calloc((size_t)argc + 1, sizeof *a.pos);
	if (!a.pos)
		return JX_EXIT_OUTPUT;
	const char *sub = NULL;
	int status = parse_args(argc, argv, &a, &sub);
	if (status) {
		free(a.pos);
		return status;
	}
	static const char *const known[] = {"import", "ls", "show", "search", "totals", "findings", "scores", "export",
					    "counts", NULL};
	bool ok = false;
	for (size_t k = 0; known[k]; k++)
		ok |= !strcmp(sub, known[k]);
	if (!ok) {
		free(a.pos);
		return cli_usage_error("db", "未知子命令“%s”", sub);
	}
	jx_db *db = NULL;
	int rc = jx_db_open(&db, a.target);
	if (rc) {
		cli_error("%s", jx_error_last());
		free(a.pos);
		return rc == JX_EINVAL ? JX_EXIT_USAGE : rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
	}
	status = run(db, sub, &a);
	jx_db_close(db);
	free(a.pos);
	return status;
}
