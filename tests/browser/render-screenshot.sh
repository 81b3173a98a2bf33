#!/bin/sh
# render-screenshot.sh: renders packages with `jx render --format html`, opens each page in headless Chromium,
# fails on any console message (the pages carry no script, so any message is an error), prints each to PDF to
# check that every table starts a page, and saves PNG screenshots of the first pages for a person to look at.
#
# Usage: render-screenshot.sh JX SEEDS_DIR SOURCE_DIR OUT_DIR
set -u

JX=$1
SEEDS=$2
SRC=$3
OUT=$4

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$CHROMIUM" ] || fail "chromium not found (install it: apt-get install chromium)"

mkdir -p "$OUT" || fail "cannot create $OUT"
OUT=$(cd "$OUT" && pwd) || fail "cannot enter $OUT" # file:// URLs need absolute paths
PROFILE=$(mktemp -d) || fail "mktemp"
trap 'rm -rf "$PROFILE"' EXIT

# Runs Chromium headless on a file with console logging; extra arguments select the output.
chrome() {
	page=$1
	shift
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
		--user-data-dir="$PROFILE" --enable-logging=stderr --v=0 "$@" "file://$page" 2>"$page.log" >/dev/null
}

# Console messages Chromium logged for a page (its stderr log).
console_lines() {
	grep -E ':CONSOLE[:(]|Uncaught|Failed to load resource' "$1.log" || true
}

# The detection itself must work: a deliberately broken page has to be caught.
BROKEN="$OUT/broken.html"
cat >"$BROKEN" <<'EOF'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>broken</title></head>
<body><p>故意出错的页面</p><script>undefinedFunctionCall();</script></body></html>
EOF
chrome "$BROKEN" --dump-dom
[ -n "$(console_lines "$BROKEN")" ] || fail "the deliberately broken page raised no console error: detection does not work"
echo "ok: broken page caught: $(console_lines "$BROKEN" | head -n 1)"

seed() {
	for f in "$SEEDS/$1"_*; do
		[ -e "$f" ] && { echo "$f"; return; }
	done
	fail "seed $1 not found in $SEEDS"
}

status=0
for spec in "seed-004:$(seed 004)" "seed-000:$(seed 000)" "qingshan-2025:$SRC/examples/qingshan-2025.json"; do
	name=${spec%%:*}
	input=${spec#*:}
	html="$OUT/$name.html"
	"$JX" render --what all -o "$html" "$input" || { echo "FAIL: jx render $input" >&2; status=1; continue; }
	# Standalone: nothing fetched from elsewhere.
	if grep -Eq '(src|href)="(https?:)?//' "$html"; then
		echo "FAIL: $html refers to an external resource" >&2
		status=1
	fi
	chrome "$html" --window-size=900,3400 --screenshot="$OUT/$name.png"
	if [ -n "$(console_lines "$html")" ]; then
		echo "FAIL: console errors in $html:" >&2
		console_lines "$html" >&2
		status=1
	fi
	[ -s "$OUT/$name.png" ] || { echo "FAIL: no screenshot for $html" >&2; status=1; }
	# Print to A4 PDF: every sheet (cover, contents, each table) must start its own page.
	chrome "$html" --no-pdf-header-footer --print-to-pdf="$OUT/$name.pdf"
	[ -s "$OUT/$name.pdf" ] || { echo "FAIL: no PDF for $html" >&2; status=1; continue; }
	sheets=$(grep -o 'class="sheet' "$html" | wc -l)
	# pdfinfo and pdftoppm come from poppler-utils, which the test command installs: missing them fails.
	pages=$(pdfinfo "$OUT/$name.pdf" | sed -n 's/^Pages: *//p')
	if [ "${pages:-0}" -lt "$sheets" ]; then
		echo "FAIL: $name.pdf has $pages pages for $sheets sheets (page breaks lost)" >&2
		status=1
	fi
	echo "ok: $name: $sheets sheets, $pages A4 pages"
	# PNGs of the first printed pages, for a person to look at.
	pdftoppm -png -r 70 -f 1 -l 6 "$OUT/$name.pdf" "$OUT/$name-page" || status=1
done
[ $status -eq 0 ] && echo "ok: screenshots in $OUT"
exit $status
