/* cmd_version.c: `jx version`. */
#include <jansson.h>
#include <stdio.h>

#include "cli.h"
#include "jx/common.h"

const char cmd_version_usage[] = "用法：jx version\n\n显示 jx 的版本及所用库的版本。\n";

int cmd_version(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage_error("version", "不接受参数");
	printf("jx %s (jansson %s)\n", JX_VERSION, jansson_version_str());
	return JX_EXIT_OK;
}
