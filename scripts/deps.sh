#!/bin/sh
# deps.sh: installs the Debian packages jixiao needs to build and test, if any are missing.
# Usage: scripts/deps.sh [build|test]   (test adds clang and its fuzzer runtime, unzip, xmllint, a PostgreSQL
# server for the database tests, and Chromium with CJK fonts for the browser test)
set -eu
want="cmake make gcc pkg-config libjansson-dev libinih-dev libxlsxwriter-dev libcmocka-dev libsqlite3-dev libpq-dev
	libxml2-dev libzip-dev libpoppler-glib-dev libfreexl-dev"
if [ "${1:-build}" = test ]; then
	want="$want clang libclang-rt-14-dev unzip libxml2-utils postgresql chromium fonts-noto-cjk
		poppler-utils libreoffice-calc-nogui"
fi
missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "deps: missing packages:$missing; run this script as root to install them" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
