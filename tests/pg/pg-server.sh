#!/bin/sh
# pg-server.sh: a private, throw-away PostgreSQL server for the tests (initdb + pg_ctl on a private Unix socket).
#
#   pg-server.sh start DIR    create a fresh server whose state lives in DIR (replacing any earlier one there);
#                             prints its libpq conninfo
#   pg-server.sh restart DIR  start the server of DIR again with its data (after halt or kill); prints the conninfo
#   pg-server.sh stop DIR     stop it (fast shutdown) and delete its data
#   pg-server.sh halt DIR     stop it but keep the data
#   pg-server.sh kill DIR    stop it abruptly (immediate shutdown, as in a crash), keeping the data
#
# The data directory and the socket live in a fresh directory under /tmp (socket paths are limited to ~100
# bytes, and build trees can be deep); DIR only records where. No TCP: listen_addresses is empty. PostgreSQL
# refuses to run as root, so as root the server runs as the "postgres" system user (or "nobody").
# If the PostgreSQL server binaries are missing this fails loudly: the test command installs them.
set -eu

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
	echo "usage: $0 start|restart|stop|halt|kill DIR" >&2
	exit 2
fi

die() {
	echo "pg-server.sh: $*" >&2
	exit 1
}

find_bin() {
	for d in ${JX_PG_BINDIR:-} /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
			echo "$d"
			return 0
		fi
	done
	# Last resort: on PATH (some distributions put them there).
	p=$(command -v pg_ctl 2>/dev/null || true)
	if [ -n "$p" ] && [ -x "$(dirname "$p")/initdb" ]; then
		dirname "$p"
		return 0
	fi
	return 1
}

bindir=$(find_bin) || die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found under /usr/lib/postgresql/*/bin; install them (Debian: apt-get install postgresql)"

# Runs a command as the server's user: ourselves, or a system user when we are root.
runas=""
if [ "$(id -u)" = 0 ]; then
	if id postgres >/dev/null 2>&1; then
		runas=postgres
	else
		runas=nobody
	fi
fi
as_user() {
	if [ -n "$runas" ]; then
		runuser -u "$runas" -- "$@"
	else
		"$@"
	fi
}

port=${JX_PG_PORT:-5432}

stop_server() { # $1 = fast|immediate
	[ -f "$dir/root" ] || return 0
	root=$(cat "$dir/root")
	if [ -f "$root/data/postmaster.pid" ]; then
		as_user "$bindir/pg_ctl" -D "$root/data" -m "$1" -w -t 60 stop >/dev/null 2>&1 || true
	fi
}

remove_server() {
	[ -f "$dir/root" ] || return 0
	root=$(cat "$dir/root")
	case "$root" in
	/tmp/jx-pg.*) rm -rf "$root" ;;
	esac
	rm -f "$dir/root" "$dir/conninfo" "$dir/created" "$dir/initdb.log"
}

case "$cmd" in
start | restart)
	mkdir -p "$dir"
	if [ "$cmd" = start ]; then
		stop_server immediate
		remove_server
	fi
	if [ -f "$dir/root" ] && [ -d "$(cat "$dir/root")/data" ]; then
		root=$(cat "$dir/root")
	else
		root=$(mktemp -d /tmp/jx-pg.XXXXXX)
		echo "$root" >"$dir/root"
		chmod 755 "$root"
		[ -n "$runas" ] && chown "$runas" "$root"
		as_user "$bindir/initdb" -D "$root/data" -U jx -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
			>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
		# Test settings: no TCP, a private socket. fsync off costs nothing in the fault tests, which stop the
		# server process, not the machine (the kernel keeps what was written); synchronous_commit stays on
		# so that a committed transaction survives an immediate shutdown.
		cat >>"$root/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$root'
port = $port
fsync = ${JX_PG_FSYNC:-off}
full_page_writes = ${JX_PG_FSYNC:-off}
max_connections = 50
shared_buffers = 64MB
EOF
	fi
	as_user "$bindir/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 start >/dev/null ||
		{ cat "$root/server.log" >&2; die "pg_ctl start failed"; }
	# A database of our own, so a test can drop and recreate it without touching "postgres".
	if [ ! -f "$dir/created" ]; then
		as_user "$bindir/psql" -h "$root" -p "$port" -U jx -d postgres -qAt -c "CREATE DATABASE jx_test" \
			>/dev/null || die "cannot create database jx_test"
		touch "$dir/created"
	fi
	conninfo="host=$root port=$port user=jx dbname=jx_test"
	echo "$conninfo" >"$dir/conninfo"
	echo "$conninfo"
	;;
stop)
	stop_server fast
	remove_server
	;;
halt)
	stop_server fast
	;;
kill)
	stop_server immediate
	;;
*)
	die "unknown command: $cmd"
	;;
esac
