#!/usr/bin/env bash
# Names from the data reach the terminal escaped: an escape sequence in a file
# name does not recolour or clear the screen, a newline in one does not fake a
# report line, and a bidirectional override does not reorder the line. This
# holds for the report on stdout and for the log on stderr.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

mkdir docs
for i in 1 2 3 4 5; do
  printf 'apple banana cherry date %s %s\n' "word$i" "word$((i % 3))" >"docs/d$i.txt"
done
esc=$'\e[2J\e[31mred.txt'
fake=$'nl\nTopic 9 of 9 fake.txt'
bidi=$'report\u202etxt.exe.txt'
c1=$'c1\u009b31m.txt'
for name in "$esc" "$fake" "$bidi" "$c1"; do
  printf 'apple banana cherry date word1 word2\n' >"docs/$name"
done
# A binary file with such a name is skipped, and the warning names it.
printf 'bin\0ary' >"docs/"$'\e]0;title\a'"bin.txt"

# Control bytes that must never reach the terminal raw: C0 (but the line
# breaks of the report itself), DEL, and the UTF-8 of C1 and the overrides.
raw_controls() {
  LC_ALL=C grep -c -P '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"
}

"$bin" fit docs -k 2 --min-df 1 --top-docs 10 >out.txt 2>err.txt || fail "fit failed: $(cat err.txt)"
[ "$(raw_controls out.txt)" -eq 0 ] || fail "raw control characters in the report: $(grep -c . out.txt)"
[ "$(raw_controls err.txt)" -eq 0 ] || fail "raw control characters in the log"
grep -q '^Topic 9 of 9' out.txt && fail "a file name faked a report line"
grep -qF 'nl\nTopic 9 of 9 fake.txt' out.txt || fail "the newline in a name is not shown as \\n"
grep -qF '\x1b[2J\x1b[31mred.txt' out.txt || fail "the escape sequence in a name is not shown as \\x1b"
grep -qF 'report\u202etxt.exe.txt' out.txt || fail "the override in a name is not shown as \\u202e"
grep -qF 'c1\u009b31m.txt' out.txt || fail "the C1 control in a name is not shown as \\u009b"
grep -qF 'skipped \x1b]0;title\x07bin.txt' err.txt || fail "the skipped file's warning is not escaped: $(cat err.txt)"

# The JSON keeps the names exactly (JSON has its own escaping).
"$bin" fit docs -k 2 --min-df 1 --json r.json >/dev/null 2>&1 || fail "fit --json failed"
"$py" - "$fake" <<'PY' || fail "JSON does not hold the exact names"
import json, sys
r = json.load(open("r.json"))
paths = {d["path"] for d in r["documents"]}
assert sys.argv[1] in paths, sorted(paths)
PY

# transform prints document names too.
"$bin" fit docs -k 2 --min-df 1 --model m.json >/dev/null 2>&1 || fail "fit --model failed"
"$bin" transform m.json docs >out.txt 2>err.txt || fail "transform failed: $(cat err.txt)"
[ "$(raw_controls out.txt)" -eq 0 ] || fail "raw control characters in transform's output"
[ "$(raw_controls err.txt)" -eq 0 ] || fail "raw control characters in transform's log"

finish
