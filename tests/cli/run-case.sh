#!/bin/sh
# run-case.sh JX DIR: runs DIR/cmd with $JX set and compares stdout, stderr (if DIR/expected.err exists) and
# the exit status (DIR/expected.rc, default 0) with what is expected. Prints a diff on mismatch.
set -u
JX=$1
dir=$2
export JX
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
sh -c "$(cat "$dir/cmd")" >"$out" 2>"$err"
rc=$?
want_rc=0
[ -f "$dir/expected.rc" ] && want_rc=$(cat "$dir/expected.rc")
fail=0
if [ "$rc" != "$want_rc" ]; then
	echo "exit status $rc, expected $want_rc"; fail=1
fi
if [ -f "$dir/expected.out" ] && ! diff -u "$dir/expected.out" "$out"; then
	echo "stdout differs"; fail=1
fi
if [ -f "$dir/expected.err" ] && ! diff -u "$dir/expected.err" "$err"; then
	echo "stderr differs"; fail=1
fi
if [ $fail -ne 0 ]; then
	echo "--- stderr was:"; cat "$err"
fi
exit $fail
