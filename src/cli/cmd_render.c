/* cmd_render.c: `jx render FILE`: publishes a package again as one HTML page, one XLSX workbook or a directory of
 * CSV files (the disclosure tables, project and overall target tables, and the review findings). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "jx/check.h"
#include "jx/import.h"
#include "jx/render.h"
#include "util/file.h"

const char cmd_render_usage[] =
	"用法：jx render [选项] 文件\n"
	"      jx render --db 数据库 [选项] 预算包\n\n"
	"按标准格式重新输出预算包：部门预算公开表（表1–13）、项目支出绩效目标表、部门整体支出绩效目标表，\n"
	"以及审核意见。文件是 jx import 能读取的任何文件；用 --db 时输出数据库中保存的预算包（编号、内容哈希、\n"
	"“部门名称:年度”或部门名称，见 jx help db）。\n"
	"  --what 内容                    tables（公开表）、targets（项目绩效目标表）、overall（整体绩效目标表）、\n"
	"                                 report（审核意见）或 all，可用逗号分隔多项（默认 tables,targets,overall）\n"
	"  --format html|xlsx|csv         输出格式（默认 html）：html 为单个网页（可打印为 A4），xlsx 为一个工作簿，\n"
	"                                 csv 为每表一个文件（UTF-8，带 BOM）\n"
	"  -o 输出                         html、xlsx 写入该文件（完整写出，或不写；省略时写到标准输出，\n"
	"                                 xlsx 不写到终端）；csv 写入该目录（不存在时创建）\n"
	"  --no-charts                    html 不画图表\n"
	"  --config 文件                   审核配置文件（用于 report，格式见 jx help check）\n"
	"  --db 数据库                     从数据库（SQLite 文件或 PostgreSQL 连接串）读取预算包\n"
	"退出状态：0 成功；2 用法错误；3 文件无法读取或没有可输出的内容；4 无法写出。\n";

static int parse_what(const char *s, unsigned *out)
{
	static const struct {
		const char *name;
		unsigned bits;
	} names[] = {{"tables", JX_RENDER_TABLES},
		     {"targets", JX_RENDER_TARGETS},
		     {"overall", JX_RENDER_OVERALL},
		     {"report", JX_RENDER_REPORT},
		     {"all", JX_RENDER_TABLES | JX_RENDER_TARGETS | JX_RENDER_OVERALL | JX_RENDER_REPORT}};
	unsigned bits = 0;
	const char *p = s;
	for (size_t guard = strlen(s) + 1; guard > 0; guard--) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		size_t k = 0;
		for (; k < sizeof names / sizeof names[0]; k++)
			if (strlen(names[k].name) == n && !strncmp(p, names[k].name, n))
				break;
		if (k == sizeof names / sizeof names[0])
			return -1;
		bits |= names[k].bits;
		if (!comma)
			break;
		p = comma + 1;
	}
	*out = bits;
	return 0;
}

typedef struct csv_dir {
	const char *dir;
	int status;
	size_t files;
} csv_dir;

/* Writes one CSV file atomically into the directory; a name never leaves it ('/' becomes '_', no leading dot). */
static int write_csv(void *ud, const char *name, const char *data, size_t len)
{
	csv_dir *d = ud;
	jx_buf path = JX_BUF_INIT;
	int rc = jx_buf_puts(&path, d->dir);
	if (!rc && path.len && path.ptr[path.len - 1] != '/')
		rc = jx_buf_putc(&path, '/');
	if (!rc && name[0] == '.')
		rc = jx_buf_putc(&path, '_');
	for (const char *c = name; !rc && *c; c++)
		rc = jx_buf_putc(&path, *c == '/' || *c == '\\' ? '_' : *c);
	if (rc) {
		jx_buf_release(&path);
		cli_error("内存不足");
		d->status = JX_EXIT_OUTPUT;
		return JX_ENOMEM;
	}
	rc = jx_file_write_atomic(jx_buf_cstr(&path), data, len);
	jx_buf_release(&path);
	if (rc) {
		cli_error("%s", jx_error_last());
		d->status = JX_EXIT_OUTPUT;
		return rc;
	}
	d->files++;
	return 0;
}

/* Creates the output directory (and its parents) when missing. */
static int make_dir(const char *dir)
{
	size_t n = strlen(dir);
	char *p = malloc(n + 1);
	if (!p)
		return -1;
	memcpy(p, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		char c = p[i];
		p[i] = '\0';
		if (mkdir(p, 0777) && errno != EEXIST) {
			free(p);
			return -1;
		}
		p[i] = c;
	}
	free(p);
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

int cmd_render(int argc, char **argv)
{
	const char *out = NULL, *file = NULL, *config = NULL, *db_target = NULL;
	jx_render_format fmt = JX_RENDER_HTML;
	jx_render_opts opts = {0, false, NULL};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		static const char *const with_arg[] = {"-o", "--format", "--what", "--config", "--db", NULL};
		const char *val = NULL;
		for (size_t k = 0; with_arg[k]; k++)
			if (!strcmp(a, with_arg[k])) {
				if (i + 1 >= argc)
					return cli_usage_error("render", "%s 需要一个参数", a);
				val = argv[++i];
			}
		if (!strcmp(a, "-o")) {
			out = val;
		} else if (!strcmp(a, "--format")) {
			if (!strcmp(val, "html"))
				fmt = JX_RENDER_HTML;
			else if (!strcmp(val, "xlsx"))
				fmt = JX_RENDER_XLSX;
			else if (!strcmp(val, "csv"))
				fmt = JX_RENDER_CSV;
			else
				return cli_usage_error("render", "不支持的格式“%s”（可用 html、xlsx、csv）", val);
		} else if (!strcmp(a, "--what")) {
			if (parse_what(val, &opts.what))
				return cli_usage_error("render",
						       "不认识的内容“%s”（可用 tables、targets、overall、report、all，逗号分隔）",
						       val);
		} else if (!strcmp(a, "--config")) {
			config = val;
		} else if (!strcmp(a, "--db")) {
			db_target = val;
		} else if (!strcmp(a, "--no-charts")) {
			opts.no_charts = true;
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("render", "未知选项“%s”", a);
		} else {
			if (file)
				return cli_usage_error("render", "多余的参数“%s”（一次输出一个文件）", a);
			file = a;
		}
	}
	if (!file)
		return cli_usage_error("render", db_target ? "需要数据库中的一个预算包" : "需要一个预算文件");
	if (fmt == JX_RENDER_CSV && (!out || !strcmp(out, "-")))
		return cli_usage_error("render", "csv 每表一个文件，需要用 -o 指定输出目录");
	if (fmt == JX_RENDER_XLSX && (!out || !strcmp(out, "-")) && isatty(STDOUT_FILENO))
		return cli_usage_error("render", "xlsx 是二进制文件，不写到终端；请用 -o 指定文件或重定向输出");
	if (config && !(opts.what & JX_RENDER_REPORT))
		return cli_usage_error("render", "--config 只用于审核意见（--what report）");

	int status = JX_EXIT_OK;
	jx_pkg *pkg = NULL;
	jx_report *report = NULL;
	jx_check_config *cfg = NULL;
	char *data = NULL;
	size_t len = 0;
	jx_buf b = JX_BUF_INIT;
	int rc = cli_load_package(db_target, file, &pkg, NULL);
	if (rc) {
		cli_error("%s", jx_error_last());
		status = rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
		goto done;
	}
	if (opts.what & JX_RENDER_REPORT) {
		report = jx_report_new();
		cfg = jx_check_config_new();
		if (!report || !cfg) {
			cli_error("内存不足");
			status = JX_EXIT_OUTPUT;
			goto done;
		}
		if (config && jx_check_config_load(cfg, config)) {
			cli_error("%s", jx_error_last());
			status = JX_EXIT_INPUT;
			goto done;
		}
		/* Quote the source lines the findings point at (a text document, or the one a JSON package names). */
		char *src = NULL;
		size_t srclen = 0;
		if (!db_target && jx_file_read(&src, &srclen, file, (size_t)64 << 20) == 0)
			jx_report_attach_source(report, file, src, srclen);
		free(src);
		if (jx_report_begin(report, file) || jx_check(report, pkg, cfg)) {
			cli_error("内存不足");
			status = JX_EXIT_OUTPUT;
			goto done;
		}
		jx_report_sort(report);
		cli_attach_originals(report);
		opts.report = report;
	}
	if (fmt == JX_RENDER_CSV) {
		if (make_dir(out)) {
			cli_error("无法创建输出目录“%s”", out);
			status = JX_EXIT_OUTPUT;
			goto done;
		}
		csv_dir d = {out, JX_EXIT_OK, 0};
		rc = jx_render_csv(pkg, &opts, write_csv, &d);
		if (rc && d.status == JX_EXIT_OK) {
			cli_error("%s", jx_error_last());
			d.status = rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
		}
		status = d.status;
		goto done;
	}
	rc = jx_render(pkg, fmt, &opts, &data, &len);
	if (rc) {
		cli_error("%s", jx_error_last());
		status = rc == JX_ENOMEM || rc == JX_EIO ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
		goto done;
	}
	if (jx_buf_put(&b, data, len)) {
		cli_error("内存不足");
		status = JX_EXIT_OUTPUT;
		goto done;
	}
	status = cli_write_output(out, &b);
done:
	free(data);
	jx_buf_release(&b);
	jx_report_free(report);
	jx_check_config_free(cfg);
	jx_pkg_free(pkg);
	return status;
}
