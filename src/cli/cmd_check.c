/* cmd_check.c: `jx check FILE...`: imports packages, reviews them with the rule registry and prints the findings
 * as compiler-style text, JSON, SARIF or an HTML page. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "jx/check.h"
#include "jx/db.h"
#include "jx/import.h"
#include "util/file.h"

const char cmd_check_usage[] =
	"用法：jx check [选项] 文件…\n\n"
	"读取预算文件并逐条审核（完整性、指标体系、可测性、测算、公开表勾稽、材料间一致性），\n"
	"每个问题给出规则编号、级别、位置（文件:行）、原文和数字（应为、实为、相差）。\n"
	"  --format text|json|sarif|html  输出格式（默认 text）\n"
	"  -o 输出                         写入文件（完整写出，或不写）\n"
	"  --config 文件                   配置文件（INI：[rules] 规则 = off|info|warning|error；[tolerance] …）\n"
	"  --rule 规则=级别                 调整一条规则或一族规则的级别，可重复，例如 --rule measure=off\n"
	"  --min-severity info|warning|error  只输出不低于此级别的问题\n"
	"  --strict-rounding               不把打印精度内的差额视为舍入\n"
	"  --color auto|always|never       文本输出是否着色（默认 auto：终端上着色）\n"
	"  --no-quote                      文本输出不引用原文\n"
	"  --db 数据库                     把预算包和审核问题存入数据库（SQLite 文件或 PostgreSQL 连接串，见 jx db）\n"
	"规则列表：jx rules；规则说明：jx explain 规则编号。\n"
	"退出状态：0 未发现错误；1 发现错误；2 用法错误；3 有文件无法读取；4 无法写出。\n";

static int parse_format(const char *s, jx_report_format *out)
{
	static const struct {
		const char *name;
		jx_report_format fmt;
	} names[] = {{"text", JX_REPORT_TEXT}, {"json", JX_REPORT_JSON}, {"sarif", JX_REPORT_SARIF}, {"html", JX_REPORT_HTML}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].name)) {
			*out = names[i].fmt;
			return 0;
		}
	return -1;
}

/* "rule=level" from the command line. */
static int apply_rule_option(jx_check_config *cfg, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg)
		return cli_usage_error("check", "--rule 需要“规则=级别”，而不是“%s”", arg);
	char key[128];
	size_t n = (size_t)(eq - arg);
	if (n >= sizeof key)
		return cli_usage_error("check", "规则名过长：“%s”", arg);
	memcpy(key, arg, n);
	key[n] = '\0';
	if (jx_check_config_set(cfg, "rules", key, eq + 1))
		return cli_usage_error("check", "%s", jx_error_last());
	return 0;
}

/* Drops findings below the minimum severity by re-checking into a filtered configuration is not possible after
 * the fact, so the minimum is applied by switching lower rules off before checking. */
static void apply_min_severity(jx_check_config *cfg, jx_severity min)
{
	for (size_t i = 0; i < jx_rule_count(); i++) {
		const jx_rule *r = jx_rule_at(i);
		jx_severity s = jx_check_config_severity(cfg, r);
		if (s != JX_SEV_OFF && s < min)
			jx_check_config_set(cfg, "rules", r->id, "off");
	}
}

/* --db: stores each checked package (replacing its earlier version) with its findings. */
static int store_in_db(const char *target, jx_pkg **pkgs, int npkgs, const jx_report *report)
{
	jx_db *db = NULL;
	if (jx_db_open(&db, target)) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_OUTPUT;
	}
	int status = JX_EXIT_OK;
	for (int i = 0; i < npkgs; i++) {
		jx_db_import_result res;
		if (jx_db_import(db, pkgs[i], &res) || jx_db_store_findings(db, res.package_id, report, i)) {
			cli_error("%s", jx_error_last());
			status = JX_EXIT_OUTPUT;
		}
	}
	jx_db_close(db);
	return status;
}

int cmd_check(int argc, char **argv)
{
	const char *out = NULL, *config = NULL, *colour = "auto", *db_target = NULL;
	jx_report_format fmt = JX_REPORT_TEXT;
	jx_severity min = JX_SEV_INFO;
	unsigned flags = 0;
	bool strict = false;
	int nfiles = 0, status = JX_EXIT_OK;
	char **files = calloc((size_t)argc, sizeof *files);
	jx_check_config *cfg = jx_check_config_new();
	jx_report *report = jx_report_new();
	jx_pkg **pkgs = calloc((size_t)argc, sizeof *pkgs);
	int npkgs = 0;
	jx_buf b = JX_BUF_INIT;
	if (!files || !cfg || !report || !pkgs) {
		status = JX_EXIT_OUTPUT;
		goto done;
	}
	/* Rule options are applied after the config file, whatever their order. */
	const char **rule_opts = (const char **)calloc((size_t)argc, sizeof *rule_opts);
	int nrules = 0;
	if (!rule_opts) {
		status = JX_EXIT_OUTPUT;
		goto done;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		static const char *const with_arg[] = {"-o", "--format", "--config", "--rule", "--min-severity", "--color", "--db", NULL};
		bool takes = false;
		for (size_t k = 0; with_arg[k]; k++)
			if (!strcmp(a, with_arg[k]))
				takes = true;
		if (takes) {
			if (i + 1 >= argc) {
				status = cli_usage_error("check", "%s 需要一个参数", a);
				break;
			}
			val = argv[++i];
		}
		if (!strcmp(a, "-o")) {
			out = val;
		} else if (!strcmp(a, "--format")) {
			if (parse_format(val, &fmt)) {
				status = cli_usage_error("check", "不支持的格式“%s”（可用 text、json、sarif、html）", val);
				break;
			}
		} else if (!strcmp(a, "--config")) {
			config = val;
		} else if (!strcmp(a, "--rule")) {
			rule_opts[nrules++] = val;
		} else if (!strcmp(a, "--min-severity")) {
			if (jx_severity_parse(val, &min) || min == JX_SEV_OFF) {
				status = cli_usage_error("check", "--min-severity 只能是 info、warning 或 error");
				break;
			}
		} else if (!strcmp(a, "--color")) {
			if (strcmp(val, "auto") && strcmp(val, "always") && strcmp(val, "never")) {
				status = cli_usage_error("check", "--color 只能是 auto、always 或 never");
				break;
			}
			colour = val;
		} else if (!strcmp(a, "--db")) {
			db_target = val;
		} else if (!strcmp(a, "--strict-rounding")) {
			strict = true;
		} else if (!strcmp(a, "--no-quote")) {
			flags |= JX_REPORT_NO_QUOTE;
		} else if (a[0] == '-' && a[1] != '\0') {
			status = cli_usage_error("check", "未知选项“%s”", a);
			break;
		} else {
			files[nfiles++] = argv[i];
		}
	}
	if (status == JX_EXIT_OK && nfiles == 0)
		status = cli_usage_error("check", "需要至少一个文件");
	if (status == JX_EXIT_OK && config && jx_check_config_load(cfg, config)) {
		cli_error("%s", jx_error_last());
		status = JX_EXIT_USAGE;
	}
	for (int i = 0; status == JX_EXIT_OK && i < nrules; i++)
		status = apply_rule_option(cfg, rule_opts[i]);
	free(rule_opts);
	if (status != JX_EXIT_OK)
		goto done;
	if (strict)
		jx_check_config_set(cfg, "tolerance", "rounding", "strict");
	apply_min_severity(cfg, min);

	for (int i = 0; i < nfiles; i++) {
		char *data = NULL;
		size_t len = 0;
		int rc = jx_file_read(&data, &len, files[i], 0);
		jx_pkg *pkg = NULL;
		if (!rc)
			rc = jx_import_buffer(&pkg, data, len, files[i], NULL);
		if (rc) {
			cli_error("%s", jx_error_last());
			free(data);
			if (cli_exit_for(rc) > status)
				status = cli_exit_for(rc);
			continue;
		}
		pkgs[npkgs++] = pkg;
		if (jx_report_attach_source(report, files[i], data, len) || jx_report_begin(report, files[i]) ||
		    jx_check(report, pkg, cfg)) {
			free(data);
			cli_error("内存不足");
			status = JX_EXIT_OUTPUT;
			goto done;
		}
		free(data);
	}
	if (db_target && npkgs > 0) {
		int w = store_in_db(db_target, pkgs, npkgs, report);
		if (w > status)
			status = w;
	}
	cli_attach_originals(report);
	jx_report_sort(report);
	if (fmt == JX_REPORT_TEXT &&
	    (!strcmp(colour, "always") || (!strcmp(colour, "auto") && !out && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"))))
		flags |= JX_REPORT_COLOR;
	char *text = NULL;
	size_t len = 0;
	if (jx_report_render(report, fmt, flags, &text, &len) || jx_buf_put(&b, text, len)) {
		free(text);
		cli_error("内存不足");
		status = JX_EXIT_OUTPUT;
		goto done;
	}
	free(text);
	/* Findings of unread files would be incomplete; still write what was checked, then report the worst status. */
	if (npkgs > 0) {
		int w = cli_write_output(out, &b);
		if (w)
			status = w;
	}
	if (status == JX_EXIT_OK && jx_report_count_severity(report, JX_SEV_ERROR) > 0)
		status = JX_EXIT_FINDINGS;
done:
	jx_buf_release(&b);
	jx_report_free(report);
	for (int i = 0; i < npkgs; i++)
		jx_pkg_free(pkgs[i]);
	free(pkgs);
	jx_check_config_free(cfg);
	free(files);
	return status;
}
