/* cli.h: what the subcommands of `jx` share: the command table, exit codes and output helpers. */
#ifndef JX_CLI_H
#define JX_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "jx/check.h"
#include "jx/model.h"
#include "util/buf.h"

/* Exit codes, documented in `jx help` and the README. */
enum {
	JX_EXIT_OK = 0,
	JX_EXIT_FINDINGS = 1, /* jx check: errors were found */
	JX_EXIT_USAGE = 2,    /* bad command line */
	JX_EXIT_INPUT = 3,    /* input missing, unreadable or invalid */
	JX_EXIT_OUTPUT = 4,   /* output could not be written, or out of memory */
};

typedef struct cli_cmd {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the subcommand name */
	const char *summary;               /* one line, Chinese */
	const char *usage;                 /* full help text, Chinese */
} cli_cmd;

int cmd_value(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_monitor(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_template(int argc, char **argv);

extern const char cmd_check_usage[], cmd_rules_usage[], cmd_explain_usage[], cmd_eval_usage[],
	cmd_monitor_usage[], cmd_db_usage[], cmd_render_usage[], cmd_template_usage[];
extern const char cmd_value_usage[], cmd_fmt_usage[], cmd_import_usage[], cmd_version_usage[], cmd_help_usage[];

const cli_cmd *cli_find(const char *name);

/* Prints "jx: <message>" to stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* Reports a usage error for `cmd` and returns JX_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Writes buf to `out` ("-" or NULL = stdout) whole or not at all; returns an exit code. */
int cli_write_output(const char *out, jx_buf *buf);
/* Maps a library error code to an exit code. */
int cli_exit_for(int rc);
/* Attaches to r, for source excerpts, the documents its findings point at that are not attached yet and can be
 * read (a canonical JSON package points at the text it was imported from). Failures only mean no excerpt. */
void cli_attach_originals(jx_report *r);
/* The package to work on: the file `ref` (any format jx import reads) or, with a database target, the stored
 * package `ref` names (编号, 内容哈希, “部门名称:年度” or 部门名称), rebuilt by jx_db_export; *package_id gets its id
 * (0 for a file; may be NULL). Returns a library error code with jx_error_last set. */
int cli_load_package(const char *db_target, const char *ref, jx_pkg **out, int64_t *package_id);

#endif
