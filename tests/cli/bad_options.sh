#!/usr/bin/env bash
# Options that cannot be honoured: each is a usage error (exit 2) with one
# line that names the option and the value, and no output file is written.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

small_corpus docs

usage() { expect_error 2 "$@"; }

# k.
usage '^error: -k must be at least 1, got 0$' "$bin" fit docs -k 0 --json out.json
usage '^error: -k must be at least 1, got -3$' "$bin" fit docs -k -3
usage "^error: -k: 'abc' is not a whole number \\(see --help\\)$" "$bin" fit docs -k abc
usage '^error: -k must be between 1 and 6 \(docs has 6 documents\), got 50$' "$bin" fit docs -k 50 --min-df 1
usage '^error: -k must be between 1 and 3 \(docs has 3 vocabulary terms\), got 5$' \
  "$bin" fit docs -k 5 --min-df 1 --max-features 3
usage '^error: .*-k is required' "$bin" fit docs
printf '1,0,2\n0,3,1\n' >small.csv
usage '^error: -k must be between 1 and min\(rows, columns\) = 2, got 3$' "$bin" factor small.csv -k 3 -o out.json

# Pruning that keeps nothing, and max_df below min_df.
usage '^error: --min-df 100 \(at least 100 documents\) and --max-df 0.95 .* leave an empty vocabulary' \
  "$bin" fit docs -k 2 --min-df 100
usage '^error: --min-df 4 \(at least 4 documents\) and --max-df 2 \(at most 2 documents\) leave an empty vocabulary' \
  "$bin" fit docs -k 2 --min-df 4 --max-df 2
usage '^error: --min-df 0.9 .* and --max-df 0.5 .* leave an empty vocabulary' \
  "$bin" vectorize docs --min-df 0.9 --max-df 0.5 -o V.mtx

# Named choices that do not exist.
usage "^error: --stopwords 'xx' is neither 'auto', a language with a list \(available: ar, cs, da, de, el, en, es, fi, fr, he, hu, it, ja, ko, nb, nl, pl, pt, ro, ru, sv, tr, uk, zh\) nor an existing file$" \
  "$bin" fit docs -k 2 --stopwords xx
usage "^error: --stem 'klingon' is not a stemming language \(available: .*english" "$bin" fit docs -k 2 --stem klingon
usage "^error: --solver: --solver must be one of als, mu, hals, kl; got 'foo' \(see --help\)$" \
  "$bin" fit docs -k 2 --solver foo
usage "^error: --init: --init must be one of random, nndsvd, nndsvda, nndsvdar; got 'foo' \(see --help\)$" \
  "$bin" factor x.csv -k 2 --init foo
usage "^error: --encoding 'no-such-charset' is not known \(use auto, utf-8 or an ICU converter name\)$" \
  "$bin" fit docs -k 2 --encoding no-such-charset
usage '^error: --norm: foo not in \{l2,l1,none\} \(see --help\)$' "$bin" vectorize docs --norm foo -o V.mtx
usage '^error: unknown option --frobnicate for fit \(unbake fit --help lists them\)$' \
  "$bin" fit docs -k 2 --frobnicate

# A newcomer's mistakes: no command, a mistyped command or option gets the nearest name.
usage '^error: no command given; the commands are fit, transform, sweep, vectorize, factor \(unbake COMMAND --help for each; unbake fit DIR -k K finds K topics in a folder\)$' \
  "$bin"
usage "^error: unknown command 'fitt' \(did you mean fit\?\); the commands are fit, transform, sweep, vectorize, factor" \
  "$bin" fitt docs -k 2
usage "^error: unknown command 'frobnicate'; the commands are fit, " "$bin" frobnicate
usage '^error: unknown option --stopword for fit \(did you mean --stopwords\?\)$' "$bin" fit docs -k 2 --stopword en
usage '^error: unknown option --mix-df for vectorize \(did you mean --min-df\?\)$' \
  "$bin" -q vectorize docs --mix-df=2 -o V.mtx
# After --, an argument that looks like an option is a path.
mkdir -- --odd && cp docs/*.txt -- --odd/
expect_ok "$bin" -q fit -k 2 --min-df 1 -- --odd

# Numbers out of range.
usage '^error: --max-file-mb must be a positive number' "$bin" fit docs -k 2 --max-file-mb -1
usage '^error: --tol must be positive and finite$' "$bin" fit docs -k 2 --tol -1
usage '^error: --max-iter must be at least 1, got 0$' "$bin" fit docs -k 2 --max-iter 0
usage '^error: --threads must be >= 0 \(0 = all cores\), got -2$' "$bin" fit docs -k 2 --threads -2
usage '^error: --ngram must be 1 or 2, got 3$' "$bin" fit docs -k 2 --ngram 3
usage '^error: --min-token-length must be at least 1, got 0$' "$bin" fit docs -k 2 --min-token-length 0

# sweep: a bad -k range.
usage "^error: -k '5:2' is not a valid range: HI is below LO$" "$bin" sweep docs -k 5:2 --min-df 1
usage "^error: -k '0:3' is not a valid range: k must be at least 1$" "$bin" sweep docs -k 0:3 --min-df 1
usage "^error: -k '3,2' is not a valid range: values must be strictly ascending$" "$bin" sweep docs -k 3,2
usage "^error: -k 'a-b' is not a valid range: 'a-b' is not a whole number$" "$bin" sweep docs -k a-b
usage "^error: -k must be between 1 and 6 \(docs has 6 documents\), got up to 10$" "$bin" sweep docs -k 2:10 --min-df 1
# A resample too small for the largest k is refused before the first fit, not
# after fitting every smaller k (the debug log names each k it finished).
"$bin" -v sweep docs -k 1:6 --min-df 1 --resamples 2 >out.txt 2>err.txt
code=$?
[ "$code" -eq 2 ] || fail "sweep with a too-small resample exited $code, expected 2"
grep -q '^error: --sample-fraction 0.8 leaves resamples of 5 documents, too few for k = 6$' err.txt ||
  fail "no sample-size error: $(cat err.txt)"
grep -q 'sweep: k = ' err.txt && fail "sweep fitted $(grep -c 'sweep: k = ' err.txt) k before refusing"

for f in out.json V.mtx; do [ -e "$f" ] && fail "a usage error left $f behind"; done
no_temp_files .

# --help and --version still succeed.
expect_ok "$bin" --version
expect_ok "$bin" fit --help
# The usage line reads as the command is typed, input first.
"$bin" fit --help | grep -qx 'Usage: unbake fit DIR \[options\]' || fail "fit's usage line: $("$bin" fit --help | sed -n 2p)"
"$bin" --help | grep -qx 'Usage: unbake COMMAND \[options\]' || fail "the usage line: $("$bin" --help | sed -n 2p)"

finish
