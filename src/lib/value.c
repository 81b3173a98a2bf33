/* value.c: placeholder; the value grammar is being written. */
#include <string.h>

#include "jx/value.h"

int jx_value_parse(jx_value *out, const char *text, size_t len, jx_arena *arena)
{
	(void)arena;
	memset(out, 0, sizeof *out);
	(void)len;
	out->text = text;
	out->kind = JX_KIND_TEXT;
	out->unit = "";
	return 0;
}
const char *jx_op_name(jx_op op) { (void)op; return NULL; }
const char *jx_op_symbol(jx_op op) { (void)op; return ""; }
int jx_op_from_name(const char *name, jx_op *out) { (void)name; *out = JX_OP_NONE; return 0; }
const char *jx_value_kind_name(jx_value_kind k) { (void)k; return "text"; }
int jx_value_kind_from_name(const char *name, jx_value_kind *out) { (void)name; *out = JX_KIND_TEXT; return 0; }
int64_t jx_money_unit_fen(const char *unit) { (void)unit; return 0; }
