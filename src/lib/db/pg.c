/* pg.c: placeholder until the PostgreSQL driver lands. */
#include "db/conn.h"
#include "jx/common.h"

int jx_conn_open_pg(jx_conn **out, const char *target)
{
	*out = NULL;
	return jx_error_set(JX_EIO, "%s: 尚不支持 PostgreSQL 数据库", target);
}
