/* cmd_fmt.c: `jx fmt`: reads canonical JSON and writes it back normalised. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/json.h"
#include "util/file.h"

const char cmd_fmt_usage[] =
	"用法：jx fmt [--compact] [-o 输出] [文件]\n"
	"      jx fmt -w [--compact] 文件…\n\n"
	"读取规范 JSON（省略文件或为 - 时读标准输入），按固定键序和缩进重新写出。\n"
	"  -o 输出     写入文件（完整写出，或不写）\n"
	"  -w          就地改写每个文件\n"
	"  --compact   单行输出\n";

static int fmt_one(const char *in, const char *out, unsigned flags)
{
	char *data = NULL;
	size_t len = 0;
	int rc = jx_file_read(&data, &len, in, 0);
	if (rc) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_INPUT;
	}
	jx_pkg *pkg = NULL;
	rc = jx_pkg_from_json(&pkg, data, len, strcmp(in, "-") == 0 ? "<stdin>" : in);
	free(data);
	if (rc) {
		cli_error("%s", jx_error_last());
		return cli_exit_for(rc);
	}
	char *json = NULL;
	size_t jlen = 0;
	rc = jx_pkg_to_json(pkg, flags, &json, &jlen);
	jx_pkg_free(pkg);
	if (rc) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_OUTPUT;
	}
	jx_buf b = {json, jlen, jlen + 1, 0};
	int status = cli_write_output(out, &b);
	free(json);
	return status;
}

int cmd_fmt(int argc, char **argv)
{
	const char *out = NULL;
	bool in_place = false;
	unsigned flags = 0;
	int nfiles = 0;
	const char *files[256];
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-o") == 0) {
			if (++i >= argc)
				return cli_usage_error("fmt", "-o 需要一个文件名");
			out = argv[i];
		} else if (strcmp(a, "-w") == 0) {
			in_place = true;
		} else if (strcmp(a, "--compact") == 0) {
			flags |= JX_JSON_COMPACT;
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("fmt", "未知选项“%s”", a);
		} else {
			if (nfiles == (int)(sizeof files / sizeof *files))
				return cli_usage_error("fmt", "文件太多");
			files[nfiles++] = a;
		}
	}
	if (in_place && out)
		return cli_usage_error("fmt", "-w 与 -o 不能同时使用");
	if (!in_place && nfiles > 1)
		return cli_usage_error("fmt", "多个文件请用 -w 就地改写");
	if (in_place) {
		if (nfiles == 0)
			return cli_usage_error("fmt", "-w 需要文件");
		int status = JX_EXIT_OK;
		for (int i = 0; i < nfiles; i++) {
			int s = fmt_one(files[i], files[i], flags);
			if (s > status)
				status = s;
		}
		return status;
	}
	return fmt_one(nfiles ? files[0] : "-", out, flags);
}
