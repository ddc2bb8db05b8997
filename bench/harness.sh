#!/usr/bin/env bash
# The speed benchmark: unbake against scikit-learn, side by side in one run on
# one machine, with wall time, peak memory and the quality of each result.
#
# Usage: bench/harness.sh [--quick] [--no-standard] [--large N] [--large-factor]
#                         [--huge N] [--huge-peer] [--peer-timeout S] [--threads T]
#
#   (default)       20news/train with k=20 and k=50, bbc with k=5
#   --quick         20news/train with k=20 and bbc with k=5 only
#   --no-standard   none of those (use with --large / --huge)
#   --large N       also a generated corpus of N documents (bench/make_corpus.py),
#                   k=50, side by side: vectorize, fit, near-the-limit
#   --large-factor  on the large corpus also factor scikit-learn's exported
#                   matrix with both libraries (adds two long scikit-learn fits)
#   --huge N        also a generated corpus of N documents, k=50, unbake fit alone
#   --huge-peer     run the scikit-learn pipeline on the huge corpus too
#   --peer-timeout S  stop any scikit-learn process after S seconds (its peak
#                   memory up to then is still reported)
#   --threads T     unbake's --threads for the side-by-side parts (default 0 = all cores)
#
# Environment: UNBAKE_BUILD_DIR (default build; needs unbake and bench_products),
# PYTHON (default /usr/bin/python3, with scikit-learn).
#
# Parts, per case:
#   vectorize  folder -> TF-IDF: `unbake vectorize` vs TfidfVectorizer, both
#              with scikit-learn's English stopwords, min_df=2, max_df=0.95
#   factor     scikit-learn's TF-IDF exported as MatrixMarket, factored by
#              `unbake factor` (hals, mu) and NMF (solver cd, mu), nndsvda,
#              tol 1e-4, at most 200 iterations
#   fit        folder -> report JSON: `unbake fit` vs TfidfVectorizer + NMF(cd)
#              (the peer writes no report, which favours it)
#   limit      one unbake iteration (default settings: hals extrapolates)
#              against the two sparse x dense products it cannot avoid (V·Hᵀ
#              and Vᵀ·W, timed alone by bench_products), on 1 and on 2
#              threads, on the factor part's matrix, else on unbake's own
#              vectorization
#   threads    unbake factor (hals) and fit with 1 and 2 threads: speed-up,
#              and whether their outputs are byte-identical
#   defaults   seeds 0-4 of scikit-learn's NMF(init="nndsvda") with its defaults
#              against `unbake factor -k K` with no other flag: medians of time
#              and error (the defaults must reach the peer's error)
# Times: unbake = the whole process (/usr/bin/time); scikit-learn = its own
# timer inside the Python process (no interpreter start, no import; `factor`
# not even reading the matrix), which favours the peer. Peak memory (RSS) is
# the whole process for both. Everything lands in bench/out/harness/.
set -euo pipefail

source "$(dirname "$0")/common.sh"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

quick=0 standard=1 large= huge= large_factor=0 huge_peer=0 peer_timeout=0 threads=0
while (($#)); do
  case $1 in
    --quick) quick=1 ;;
    --no-standard) standard=0 ;;
    --large) large=${2:?--large needs a document count}; shift ;;
    --large-factor) large_factor=1 ;;
    --huge) huge=${2:?--huge needs a document count}; shift ;;
    --huge-peer) huge_peer=1 ;;
    --peer-timeout) peer_timeout=${2:?--peer-timeout needs seconds}; shift ;;
    --threads) threads=${2:?--threads needs a count}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "harness.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

install_peer harness.sh
need_unbake harness.sh
products=$build_dir/bench_products
[[ -x $products ]] ||
  echo "harness.sh: $products not found (build the bench_products target); the limit part is skipped" >&2

work=$bench/out/harness
mkdir -p "$work"
rows=$work/rows.tsv limits=$work/limit.tsv scaling=$work/threads.tsv breakdown=$work/fit-seconds.tsv
defaults=$work/defaults.tsv
: >"$defaults"
: >"$breakdown"
: >"$rows"
: >"$limits"
: >"$scaling"
stopwords=$work/sklearn-stopwords.txt
"$python" "$bench/peer.py" stopwords "$stopwords"
vectorizer_flags=(--stopwords "$stopwords" --min-df 2 --max-df 0.95)

note() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
mtx_shape() { sed -n '/^[^%]/{p;q}' "$1"; }  # rows columns non-zeros

# row CASE PART PEER_S UNBAKE_S PEER_QUALITY UNBAKE_QUALITY PEER_RSS_KB UNBAKE_RSS_KB
row() { (IFS=$'\t'; echo "$*") >>"$rows"; }

# failure PREFIX: how the measured process PREFIX ended, for the table.
failure() {
  if [[ $(head -n 1 "$1.time") = *signal* ]]; then
    echo "killed after $m_wall s"
  else
    echo "failed after $m_wall s: $(tail -n 1 "$1.err")"
  fi
}

# peer PREFIX ARGS...: one measured scikit-learn process; sets p_s (its own
# timer, or "-" when it failed), p_q (failure reason when it failed) and p_rss.
peer() {
  local prefix=$1
  shift
  p_q=
  if measure --timeout "$peer_timeout" "$prefix" "$python" "$bench/peer.py" "$@"; then
    p_s=$(json_field "$prefix.out" seconds)
  else
    p_s=- p_q=$(failure "$prefix")
    note "scikit-learn: $p_q"
  fi
  p_rss=$m_rss
}

# ours PREFIX ARGS...: one measured unbake process; sets u_s and u_rss.
ours() {
  local prefix=$1
  shift
  measure "$prefix" "$unbake" "$@" || { note "unbake $1 failed:"; tail -n 5 "$prefix.err" >&2; exit 1; }
  u_s=$m_wall u_rss=$m_rss
}

# error_text ERROR ITERATIONS [SECONDS]: "0.9746 (9 it)", or "0.9746 (9 it, 1.33 s)"
# when the fit's own time (without reading and writing) is known.
error_text() {
  if (($# > 2)); then printf '%.4f (%s it, %.2f s)' "$1" "$2" "$3"; else printf '%.4f (%s it)' "$1" "$2"; fi
}

part_vectorize() {
  note "$label: vectorize"
  ((with_peer)) && peer "$dir/vectorize-peer" vectorize "$corpus"
  ours "$dir/vectorize-unbake" vectorize "$corpus" -o "$dir/unbake.mtx" "${vectorizer_flags[@]}" --threads "$threads"
  local terms
  terms=$(mtx_shape "$dir/unbake.mtx" | cut -d' ' -f2)
  if ((with_peer)); then
    [[ -z $p_q ]] && p_q="$(json_field "$dir/vectorize-peer.out" terms) terms"
    row "$label" vectorize "$p_s" "$u_s" "$p_q" "$terms terms" "$p_rss" "$u_rss"
  else
    row "$label" vectorize - "$u_s" - "$terms terms" - "$u_rss"
  fi
}

# The matrix both libraries factor: scikit-learn's TF-IDF of the corpus, made
# once per corpus and kept.
peer_matrix() {
  peer_mtx=$work/$(basename "$dir" | sed 's/-k[0-9]*$//')-sklearn-tfidf.mtx
  if [[ ! -s $peer_mtx ]]; then
    note "$label: exporting scikit-learn's TF-IDF to $peer_mtx"
    "$python" "$bench/peer.py" export "$corpus" "$peer_mtx"
  fi
}

part_factor() {
  peer_matrix
  local pair sk our
  for pair in cd:hals mu:mu; do
    sk=${pair%%:*} our=${pair##*:}
    note "$label: factor, scikit-learn $sk"
    peer "$dir/factor-$sk-peer" factor "$peer_mtx" "$sk" "$k"
    [[ -z $p_q ]] && p_q=$(error_text "$(json_field "$dir/factor-$sk-peer.out" relative_error)" \
      "$(json_field "$dir/factor-$sk-peer.out" iterations)")
    note "$label: factor, unbake $our"
    ours "$dir/factor-$our-unbake" factor "$peer_mtx" -k "$k" --solver "$our" --init nndsvda --tol 1e-4 \
      --max-iter 200 --threads "$threads"
    local out=$dir/factor-$our-unbake.out
    row "$label" "factor $our/$sk" "$p_s" "$u_s" "$p_q" \
      "$(error_text "$(summary_value "$out" 'relative error')" "$(summary_value "$out" iterations)" \
        "$(summary_value "$out" seconds)")" \
      "$p_rss" "$u_rss"
  done
}

# The defaults, over seeds 0-4: scikit-learn's NMF(init="nndsvda") with its
# defaults (fit alone, solver cd) against `unbake factor MATRIX -k K --seed S`
# with no other flag (whole process). One seed is one draw of the start, so
# both sides' medians are compared. Appends one line to defaults.tsv: case,
# then per side the median seconds and error, then unbake's iterations.
part_defaults() {
  peer_matrix
  local seed start end peer_lines=$dir/defaults-peer.jsonl ours_lines=$dir/defaults-unbake.jsonl
  : >"$ours_lines"
  note "$label: defaults, scikit-learn seeds 0-4"
  "$python" "$bench/factor_seeds.py" "$peer_mtx" cd "$k" 0 1 2 3 4 >"$peer_lines"
  note "$label: defaults, unbake seeds 0-4"
  for seed in 0 1 2 3 4; do
    start=$(date +%s.%N)
    "$unbake" -q factor "$peer_mtx" -k "$k" --seed "$seed" --threads "$threads" >"$dir/defaults-unbake.out"
    end=$(date +%s.%N)
    # The summary rounds the error to six digits; the same run again, untimed, gives all of them.
    "$unbake" -q factor "$peer_mtx" -k "$k" --seed "$seed" --threads "$threads" -o "$dir/defaults-unbake.json" \
      >/dev/null
    printf '{"seconds": %.6f, "relative_error": %s, "iterations": %s}\n' "$(echo "$end - $start" | bc -l)" \
      "$(json_field "$dir/defaults-unbake.json" relative_error)" \
      "$(json_field "$dir/defaults-unbake.json" iterations)" >>"$ours_lines"
  done
  "$python" - "$label" "$peer_lines" "$ours_lines" >>"$defaults" <<'PY'
import json, statistics, sys
label, peer, ours = sys.argv[1], *[[json.loads(l) for l in open(p)] for p in sys.argv[2:]]
med = lambda rows, key: statistics.median(r[key] for r in rows)
print("\t".join([label, f"{med(peer, 'seconds'):.3f}", f"{med(peer, 'relative_error'):.7f}", f"{med(ours, 'seconds'):.3f}",
                 f"{med(ours, 'relative_error'):.7f}", " ".join(str(r["iterations"]) for r in ours)]))
PY
}

part_fit() {
  note "$label: fit"
  local report=$dir/fit-unbake.json
  if ((with_peer)); then
    peer "$dir/fit-peer" fit "$corpus" "$k"
    [[ -z $p_q ]] && p_q=$(error_text "$(json_field "$dir/fit-peer.out" relative_error)" \
      "$(json_field "$dir/fit-peer.out" iterations)")
  else
    p_s=- p_q=- p_rss=-
  fi
  # A failed fit (say, out of memory on a huge corpus) is a result, not the end of the run.
  local quality
  if measure "$dir/fit-unbake" "$unbake" fit "$corpus" -k "$k" --json "$report" "${vectorizer_flags[@]}" \
    --threads "$threads"; then
    quality=$(error_text "$(json_field "$report" model relative_error)" "$(json_field "$report" model iterations)")
  else
    quality=$(failure "$dir/fit-unbake")
    note "unbake fit $quality"
  fi
  row "$label" fit "$p_s" "$m_wall" "$p_q" "$quality" "$p_rss" "$m_rss"
  # Where each side's time goes (seconds): peer vectorize, peer NMF, unbake read+tokenize, weighting, factor, total.
  local pv=- pn=- uparts="-"$'\t'"-"$'\t'"-"$'\t'"-"
  if [[ -f $dir/fit-peer.out && $p_s != - ]] && ((with_peer)); then
    pv=$(json_field "$dir/fit-peer.out" vectorize_seconds) pn=$(json_field "$dir/fit-peer.out" nmf_seconds)
  fi
  if [[ $quality != failed* && $quality != killed* ]]; then
    uparts=$("$python" -c 'import json, sys
s = json.load(open(sys.argv[1]))["model"]["seconds"]
print("\t".join(str(s[key]) for key in ("read", "vectorize", "factor", "total")))' "$report")
  fi
  echo "$label"$'\t'"$pv"$'\t'"$pn"$'\t'"$uparts" >>"$breakdown"
}

# An iteration's time is the difference between runs of 21 and of 1
# iteration (no early stop), divided by 20: initialisation and reading cancel.
part_limit() {
  local mtx=$dir/unbake.mtx
  [[ -n ${peer_mtx:-} && -s $peer_mtx ]] && mtx=$peer_mtx
  [[ -s $mtx ]] || { note "$label: limit skipped: no matrix (needs the vectorize or factor part)"; return; }
  [[ -x $products ]] || { note "$label: limit skipped: no $products"; return; }
  local pair_ms solver n s1 sn iters t
  # On one thread and on two: the bar holds for both.
  for t in 1 2; do
    note "$label: limit, products alone, $t thread(s)"
    measure "$dir/products-$t" "$products" "$mtx" "$k" --threads "$t" --repeat 7 ||
      { note "bench_products failed:"; tail -n 5 "$dir/products-$t.err" >&2; exit 1; }
    pair_ms=$(json_field "$dir/products-$t.out" ms_median)
    for solver in hals mu; do
      note "$label: limit, unbake $solver iterations, $t thread(s)"
      for n in 1 21; do
        ours "$dir/limit-$solver-$t-$n" factor "$mtx" -k "$k" --solver "$solver" --tol 1e-300 --max-iter "$n" \
          --threads "$t"
      done
      s1=$(summary_value "$dir/limit-$solver-$t-1.out" seconds)
      sn=$(summary_value "$dir/limit-$solver-$t-21.out" seconds)
      iters=$(summary_value "$dir/limit-$solver-$t-21.out" iterations)
      ((iters > 1)) || { note "$label: limit, $solver stopped after $iters iteration"; continue; }
      (IFS=$'\t'; echo "$label"$'\t'"$solver, ${t}t"$'\t'"$(echo "($sn - $s1) * 1000 / ($iters - 1)" | bc -l)"$'\t'"$pair_ms") \
        >>"$limits"
    done
  done
}

part_threads() {
  peer_matrix
  local t s_factor s_fit
  for t in 1 2; do
    note "$label: threads, $t"
    ours "$dir/threads-factor-$t" factor "$peer_mtx" -k "$k" --solver hals --threads "$t" \
      --w "$dir/threads-$t-W.csv" --h "$dir/threads-$t-H.csv"
    s_factor[t]=$(summary_value "$dir/threads-factor-$t.out" seconds)
    ours "$dir/threads-fit-$t" fit "$corpus" -k "$k" "${vectorizer_flags[@]}" --threads "$t" \
      --topics-csv "$dir/threads-$t-topics.csv" --mixtures-csv "$dir/threads-$t-mixtures.csv" \
      --model "$dir/threads-$t-model.json"
    s_fit[t]=$u_s
  done
  local same=yes f
  for f in W.csv H.csv topics.csv mixtures.csv model.json; do
    cmp -s "$dir/threads-1-$f" "$dir/threads-2-$f" || { same="no ($f differs)"; break; }
  done
  (IFS=$'\t'; echo "$label"$'\t'"${s_factor[1]}"$'\t'"${s_factor[2]}"$'\t'"${s_fit[1]}"$'\t'"${s_fit[2]}"$'\t'"$same") \
    >>"$scaling"
}

# The page cache holds the corpus for whichever side runs first.
warm() { find "$1" -type f -print0 | xargs -0 cat >/dev/null; }

# run_case LABEL CORPUS K WITH_PEER PART...
run_case() {
  label=$1 corpus=$2 k=$3 with_peer=$4
  shift 4
  if [[ ! -d $corpus ]]; then
    note "skipping $label: $corpus not found (the shared corpora live beside the repository)"
    return
  fi
  dir=${label//\//-}
  dir=$work/${dir// k=/-k}
  mkdir -p "$dir"
  peer_mtx=
  warm "$corpus"
  local part
  for part; do "part_$part"; done
}

generated() {  # N: the generated corpus, made when missing
  nice -n 19 "$python" "$bench/make_corpus.py" "$1" >&2
  echo "$bench/out/corpus-$1"
}

shared=$repo/../shared/corpora
note "unbake: $unbake ($(git -C "$repo" log -1 --format='%h %s' 2>/dev/null || echo '?'))"
note "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; unbake --threads $threads"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
if ((standard)); then
  run_case "20news/train k=20" "$shared/20news/train" 20 1 vectorize factor fit limit threads defaults
  ((quick)) || run_case "20news/train k=50" "$shared/20news/train" 50 1 factor fit limit defaults
  run_case "bbc k=5" "$shared/bbc" 5 1 vectorize factor fit defaults
fi
if [[ -n $large ]]; then
  corpus=$(generated "$large")
  parts=(vectorize fit limit)
  ((large_factor)) && parts=(vectorize factor fit limit)
  run_case "corpus-$large k=50" "$corpus" 50 1 "${parts[@]}"
fi
if [[ -n $huge ]]; then
  corpus=$(generated "$huge")
  run_case "corpus-$huge k=50" "$corpus" 50 "$huge_peer" fit
fi

# Other work on the machine distorts every ratio, thread scaling most.
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
"$python" "$bench/harness_table.py" "$rows" "$limits" "$scaling" "$breakdown" "$defaults" | tee "$work/table.txt"
echo "load average (1, 5, 15 min) on $(nproc) cores: $load_start at the start, $load_end at the end" |
  tee -a "$work/table.txt"
