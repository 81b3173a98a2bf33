/* sqlite.c: placeholder until the SQLite driver lands. */
#include "db/conn.h"
#include "jx/common.h"

int jx_conn_open_sqlite(jx_conn **out, const char *target)
{
	*out = NULL;
	return jx_error_set(JX_EIO, "%s: 尚不支持 SQLite 数据库", target);
}
