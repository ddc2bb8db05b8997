#!/usr/bin/env bash
# An output that is one of the run's inputs, another output, or a file that
# the run's reader would take as a document of its input folder is refused
# before any work: one usage line naming both, exit 2, every file as it was.
# Files are compared by device and inode, so other spellings, symbolic and
# hard links are caught too.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

small_corpus corp
mkdir corp/some
cp corp/d1.txt corp/some/doc.txt
printf ',a,b,c\nr1,1,0,2\nr2,0,3,1\nr3,2,1,0\n' >x.csv
printf 'previous report\n' >a.json
printf 'zebra\n' >stop.txt
"$bin" -q fit corp -k 2 --min-df 1 --model model.json >/dev/null 2>err.txt || fail "fit --model: $(cat err.txt)"
ln -s x.csv x-link.csv
ln x.csv x-hard.csv
ln -s corp corp-link

declare -A sums
snapshot() { for f in x.csv a.json stop.txt model.json corp/d1.txt corp/some/doc.txt; do sums[$f]=$(checksum "$f"); done; }
unchanged() {
  for f in "${!sums[@]}"; do [ "$(checksum "$f")" = "${sums[$f]}" ] || fail "$1: $f changed"; done
  [ -s out.txt ] && fail "$1: printed a report: $(head -c 200 out.txt)"
  no_temp_files .
}
snapshot

# refused CASE REGEX CMD...: exit 2, one line, nothing written.
refused() {
  local what=$1 pattern=$2
  shift 2
  expect_error 2 "$pattern" "$@"
  unchanged "$what"
}

# 1. An output that is an input, however it is spelled.
refused "factor --w = MATRIX" '^error: output --w x\.csv is the same file as input x\.csv$' \
  "$bin" factor x.csv -k 1 --w x.csv
refused "factor --h ./MATRIX" '^error: output --h \./x\.csv is the same file as input x\.csv$' \
  "$bin" factor x.csv -k 1 --h ./x.csv
refused "factor -o corp/../MATRIX" 'output --output corp/\.\./x\.csv is the same file as input x\.csv' \
  "$bin" factor x.csv -k 1 -o corp/../x.csv
refused "factor --w symlink" 'output --w x-link\.csv is the same file as input x\.csv' \
  "$bin" factor x.csv -k 1 --w x-link.csv
refused "factor --w hard link" 'output --w x-hard\.csv is the same file as input x\.csv' \
  "$bin" factor x.csv -k 1 --w x-hard.csv
refused "transform --json MODEL" '^error: output --json model\.json is the same file as input model\.json$' \
  "$bin" transform model.json corp --json model.json
refused "transform --mixtures-csv MODEL" 'output --mixtures-csv \./model\.json is the same file as input model\.json' \
  "$bin" transform model.json corp --mixtures-csv ./model.json
refused "fit --json STOPWORDS" 'output --json stop\.txt is the same file as input stop\.txt' \
  "$bin" fit corp -k 2 --min-df 1 --stopwords stop.txt --json stop.txt
refused "fit FILE --json FILE" 'output --json corp/d1\.txt is the same file as input corp/d1\.txt' \
  "$bin" fit corp/d1.txt -k 1 --min-df 1 --json corp/d1.txt

# 2. Two outputs that are one file, existing or not, or both standard output.
refused "fit --json = --model" '^error: outputs --json a\.json and --model a\.json are the same file$' \
  "$bin" fit corp -k 2 --min-df 1 --json a.json --model a.json
refused "fit two new outputs" 'outputs --mixtures-csv new\.csv and --topics-csv \./new\.csv are the same file' \
  "$bin" fit corp -k 2 --min-df 1 --mixtures-csv new.csv --topics-csv ./new.csv
[ -e new.csv ] && fail "new.csv was written"
refused "vectorize --terms = --docs" 'outputs --terms list and --docs corp/\.\./list are the same file' \
  "$bin" vectorize corp -o V.mtx --terms list --docs corp/../list
refused "factor --w = --h" 'outputs --w w\.csv and --h w\.csv are the same file' \
  "$bin" factor x.csv -k 1 --w w.csv --h w.csv
refused "fit - and /dev/stdout" 'outputs --json - and --model /dev/stdout both write to standard output' \
  "$bin" fit corp -k 2 --min-df 1 --json - --model /dev/stdout
for f in V.mtx list w.csv; do [ -e "$f" ] && fail "$f was written"; done

# 3. An output the reader of an input folder would take as a document,
# whether it exists yet or not; sweep and vectorize read folders too.
refused "fit --mixtures-csv a document" \
  '^error: output --mixtures-csv corp/some/doc\.txt is inside input folder corp, which reads it as a document$' \
  "$bin" fit corp -k 2 --min-df 1 --mixtures-csv corp/some/doc.txt
refused "fit --topics-csv a new document" 'output --topics-csv corp/new\.txt is inside input folder corp' \
  "$bin" fit corp -k 2 --min-df 1 --topics-csv corp/new.txt
refused "vectorize -o a file without extension" 'output --output corp-link/V is inside input folder corp' \
  "$bin" vectorize corp -o corp-link/V
refused "sweep --json .md" 'output --json corp/some/\.\./s\.md is inside input folder corp-link' \
  "$bin" sweep corp-link -k 2:3 --min-df 1 --json corp/some/../s.md
refused "transform --json in its input" 'output --json corp/t\.txt is inside input folder corp' \
  "$bin" transform model.json x.csv corp --json corp/t.txt
refused "--ext selects the output" 'output --json corp/r\.json is inside input folder corp' \
  "$bin" fit corp -k 2 --min-df 1 --ext .txt --ext .json --json corp/r.json
for f in corp/new.txt corp/V corp/s.md corp/t.txt corp/r.json; do [ -e "$f" ] && fail "$f was written"; done

# An existing file that is a document through a link the folder holds.
printf 'elsewhere apple\n' >outside.txt
ln -s ../outside.txt corp/linked.txt
sums[outside.txt]=$(checksum outside.txt)
refused "fit --json a linked document" \
  '^error: output --json outside\.txt is the document corp/linked\.txt of input folder corp$' \
  "$bin" fit corp -k 2 --min-df 1 --json outside.txt
rm corp/linked.txt
ln outside.txt corp/hard.txt
refused "vectorize --docs a hard-linked document" 'output --docs outside\.txt is the document corp/hard\.txt' \
  "$bin" vectorize corp -o V.mtx --docs outside.txt
rm corp/hard.txt

# 4. What the reader skips may be written into the folder.
expect_ok "$bin" fit corp -k 2 --min-df 1 --json corp/report.json --topics-csv corp/.hidden.txt
[ -s corp/report.json ] || fail "corp/report.json was not written"
[ -s corp/.hidden.txt ] || fail "corp/.hidden.txt was not written"

# 5. The report a command prints on standard output is an output too: another
# output on stdout would be mixed into it, and stdout redirected onto an
# output file would be replaced by that file (the report lost, exit 0).
refused "factor --w - beside the summary" \
  '^error: outputs the printed report \(standard output\) and --w - both write to standard output$' \
  "$bin" factor x.csv -k 1 --w -
refused "fit --topics-csv - beside the report" \
  '^error: outputs the printed report \(standard output\) and --topics-csv - both write to standard output$' \
  "$bin" fit corp -k 2 --min-df 1 --topics-csv -
"$bin" fit corp -k 2 --min-df 1 --model m.json >m.json 2>err.txt </dev/null
code=$?
[ "$code" -eq 2 ] || fail "fit --model m.json >m.json exited $code, expected 2"
grep -qx 'error: outputs the printed report (standard output) and --model m.json are the same file' err.txt ||
  fail "fit --model m.json >m.json said: $(cat err.txt)"
"$bin" factor x.csv -k 1 >>x-hard.csv 2>err.txt </dev/null # >> keeps the input whole
code=$?
[ "$code" -eq 2 ] || fail "factor x.csv >>x-hard.csv (a hard link of the input) exited $code, expected 2"
grep -q 'is the same file as input x\.csv' err.txt || fail "factor x.csv >>x-hard.csv said: $(cat err.txt)"
# A named descriptor beside the report is written after it, whatever file the
# shell put behind the two.
"$bin" fit corp -k 2 --min-df 1 --json /dev/stderr >all.log 2>&1 </dev/null || fail "--json /dev/stderr >all.log 2>&1 refused"
grep -q '"schema"' all.log || fail "--json /dev/stderr >all.log 2>&1: no JSON in the log"
"$bin" fit corp -k 2 --min-df 1 --json /dev/fd/3 >o.txt 3>&1 2>err.txt </dev/null || fail "--json /dev/fd/3 3>&1 refused: $(cat err.txt)"
grep -q '"schema"' o.txt || fail "--json /dev/fd/3 3>&1: no JSON after the report"
# --json - takes the report's place: nothing else is printed, nothing refused.
expect_ok "$bin" fit corp -k 2 --min-df 1 --json - --model m2.json
[ -s m2.json ] || fail "fit --json - --model m2.json wrote no model"

finish
