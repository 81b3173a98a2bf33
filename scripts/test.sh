#!/bin/sh
# test.sh: installs what is missing, builds with warnings as errors, runs every test, runs them again under
# AddressSanitizer + UndefinedBehaviorSanitizer, and runs each fuzz target briefly with libFuzzer.
# JX_FUZZ_SECONDS (default 15) sets how long each fuzzer runs; 0 skips the libFuzzer runs (the corpora are
# still replayed by CTest in both builds).
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh test
jobs=$(nproc)

echo "== build (gcc, -Werror)"
cmake -S . -B build -DJX_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
echo "== tests"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build (ASan + UBSan)"
cmake -S . -B build-asan -DJX_WERROR=ON -DJX_SANITIZE=ON -DJX_DEBUG_ARENA=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir build-asan --output-on-failure -j"$jobs"

secs=${JX_FUZZ_SECONDS:-15}
if [ "$secs" -gt 0 ]; then
	echo "== fuzzing (libFuzzer, ${secs}s per target)"
	cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DJX_FUZZ=ON -DJX_SANITIZE=ON -DJX_WERROR=ON \
		-DCMAKE_BUILD_TYPE=Debug >/dev/null
	cmake --build build-fuzz -j"$jobs" --target fuzzers
	for f in build-fuzz/fuzz/fuzz_*_fuzzer; do
		name=$(basename "$f" _fuzzer)
		name=${name#fuzz_}
		work=$(mktemp -d)
		cp -r "fuzz/corpora/$name/." "$work/"
		"$f" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix="build-fuzz/" "$work" >"build-fuzz/fuzz-$name.log" 2>&1 || {
			echo "fuzz target $name failed:"; tail -40 "build-fuzz/fuzz-$name.log"; exit 1; }
		tail -1 "build-fuzz/fuzz-$name.log"
		rm -rf "$work"
	done
fi
echo "== all tests passed"
