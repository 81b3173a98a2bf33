/* cmd_db.c: placeholder until `jx db` lands. */
#include "cli.h"

const char cmd_db_usage[] = "用法：jx db（尚未实现）\n";

int cmd_db(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("jx db 尚未实现");
	return JX_EXIT_USAGE;
}
