/* conn.c: chooses the driver from the target string and forwards to it. */
#include "db/conn.h"

#include <stdio.h>
#include <string.h>

#include "jx/common.h"

static bool is_pg_target(const char *t)
{
	return strncmp(t, "postgresql://", 13) == 0 || strncmp(t, "postgres://", 11) == 0 || strstr(t, "dbname=") ||
	       strstr(t, "host=");
}

int jx_conn_open(jx_conn **out, const char *target)
{
	*out = NULL;
	if (!target || !*target)
		return jx_error_set(JX_EINVAL, "未指定数据库");
	return is_pg_target(target) ? jx_conn_open_pg(out, target) : jx_conn_open_sqlite(out, target);
}

void jx_conn_close(jx_conn *c)
{
	if (c)
		c->ops->close(c);
}

int jx_conn_exec(jx_conn *c, const char *sql, int nparams, const char *const *params)
{
	return c->ops->exec(c, sql, nparams, params);
}

int jx_conn_query(jx_conn *c, const char *sql, int nparams, const char *const *params, jx_conn_row_fn fn, void *ud)
{
	return c->ops->query(c, sql, nparams, params, fn, ud);
}

int jx_conn_begin(jx_conn *c)
{
	return c->ops->begin(c, JX_TX_WRITE, NULL);
}

int jx_conn_begin_keyed(jx_conn *c, const char *key)
{
	return c->ops->begin(c, JX_TX_WRITE_KEYED, key);
}

int jx_conn_begin_read(jx_conn *c)
{
	return c->ops->begin(c, JX_TX_READ, NULL);
}

int jx_conn_commit(jx_conn *c)
{
	return c->ops->exec(c, "COMMIT", 0, NULL);
}

int jx_conn_rollback(jx_conn *c)
{
	char saved[512];
	snprintf(saved, sizeof saved, "%s", jx_error_last());
	c->ops->exec(c, "ROLLBACK", 0, NULL);
	jx_error_set(0, "%s", saved); /* keep the error that made us roll back */
	return 0;
}
