#!/usr/bin/env bash
# bench/manpages_corpus.sh OUT: a labelled non-English corpus from Debian's
# translated manual pages (packages manpages-de, manpages-ja, manpages-zh).
#
# For each language (de, ja, zh = /usr/share/man/zh_CN) every page is rendered
# to plain UTF-8 text and written to OUT/<lang>/<section>/<page>.txt, so that
# `unbake fit OUT/<lang> --labels folder` judges the topics against the
# section (1..8).
#
#   - rendering: man-db's `man -l` in the C.UTF-8 locale (preconv recodes the
#     source to groff's input; -Tutf8 output), no hyphenation and no
#     justification (--nh --nj), lines 5000 characters wide so that groff does
#     not break CJK words or German compounds at line ends; `col -bx` removes
#     overstriking; leading/trailing blanks and runs of spaces are squeezed;
#     rules are dropped (runs of 3+ underscores, which the Tcl/Tk pages draw
#     5000 wide and which tokenizers would read as one word, and lines made
#     only of - _ = ~ or box-drawing characters).
#   - the page's header and footer lines (name(section), manual title,
#     package/version/date) are dropped: they name the section outright.
#   - skipped: symlinks, `.so` redirect pages, pages whose text is under
#     200 bytes, and pages whose text is byte-identical to an earlier one
#     (sorted order), e.g. fakeroot-sysv / fakeroot-tcp.
#   - <page> is the file name without .gz and without the bare section
#     suffix: ls.1.gz -> ls, exec.3tcl.gz -> exec.3tcl (keeps exec.3 apart).
#
# Deterministic (sorted C-locale order, fixed locale and width), independent
# of the caller's locale; at most 2 rendering jobs. OUT/<lang> is replaced.
# Prints the number of documents per language and section.
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 OUT" >&2; exit 2; }
out=$1
mkdir -p "$out"
out=$(cd "$out" && pwd)
jobs=${JOBS:-2}
(( jobs >= 1 && jobs <= 2 )) || jobs=2
export LC_ALL=C

# render SRC DEST: one page to text (empty DEST when it is a redirect).
render() {
  local src=$1 dest=$2
  mkdir -p "$(dirname "$dest")"
  # A .so redirect: the first line that is not a comment or blank is `.so`.
  if zcat -- "$src" | grep -v -e '^\.\\"' -e "^'\\\\\"" -e '^[[:space:]]*$' | head -n 1 | grep -q '^\.so[[:space:]]'; then
    : >"$dest.so"
    return 0
  fi
  env -i PATH=/usr/bin:/bin LANG=C.UTF-8 LC_ALL=C.UTF-8 MANWIDTH=5000 \
      man --nh --nj --encoding=UTF-8 -l "$src" 2>/dev/null |
    LC_ALL=C.UTF-8 col -bx |
    sed -E 's/_{3,}/ /g; s/ {2,}/ /g; s/^ //; s/ $//' |
    grep -av -E $'^([-_=~ ]|\xe2[\x94\x95][\x80-\xbf])+$' |
    awk '
      { line[NR] = $0; if ($0 != "") { if (!first) first = NR; last = NR } }
      END {
        blank = 0
        for (i = first + 1; i < last; i++) {
          if (line[i] == "") { if (!blank && printed) print ""; blank = 1; continue }
          print line[i]; blank = 0; printed = 1
        }
      }' >"$dest.tmp"
  mv -- "$dest.tmp" "$dest"
}
export -f render

declare -A dir=([de]=de [ja]=ja [zh]=zh_CN)
for lang in de ja zh; do
  src_root=/usr/share/man/${dir[$lang]}
  [[ -d $src_root ]] || { echo "$src_root missing (install manpages-${lang})" >&2; exit 1; }
  rm -rf -- "$out/$lang" "$out/.$lang.work"
  work=$out/.$lang.work
  mkdir -p "$work"
  # List: regular files only (symlinks are other names of a page).
  find "$src_root" -mindepth 2 -maxdepth 2 -type f -path "$src_root/man[1-8]/*.gz" | sort >"$work/list"
  while IFS= read -r src; do
    sec=${src%/*}; sec=${sec##*/man}
    base=${src##*/}; base=${base%.gz}
    [[ $base == *".$sec" ]] && base=${base%."$sec"}
    printf '%s\t%s\n' "$src" "$work/$sec/$base.txt"
  done <"$work/list" >"$work/pairs"
  tr '\t' '\n' <"$work/pairs" | tr '\n' '\0' |
    xargs -0 -n 2 -P "$jobs" bash -c 'render "$1" "$2"' _
  # Keep in sorted order: skip redirects, short texts and exact duplicates.
  declare -A seen=()
  n_so=0 n_short=0 n_dup=0
  while IFS=$'\t' read -r src dest; do
    if [[ -e $dest.so ]]; then n_so=$((n_so + 1)); continue; fi
    size=$(wc -c <"$dest")
    if (( size < 200 )); then n_short=$((n_short + 1)); echo "  $lang: short ($size bytes): $src" >&2; continue; fi
    sum=$(md5sum <"$dest"); sum=${sum%% *}
    if [[ -n ${seen[$sum]:-} ]]; then n_dup=$((n_dup + 1)); echo "  $lang: duplicate of ${seen[$sum]}: $src" >&2; continue; fi
    seen[$sum]=$src
    rel=${dest#"$work"/}
    mkdir -p "$out/$lang/${rel%/*}"
    mv -- "$dest" "$out/$lang/$rel"
  done <"$work/pairs"
  unset seen
  rm -rf -- "$work"
  n_links=$(find "$src_root" -mindepth 2 -maxdepth 2 -type l -path "$src_root/man[1-8]/*" | wc -l)
  total=$(find "$out/$lang" -type f -name '*.txt' | wc -l)
  printf '%s: %d documents (skipped: %d symlinks, %d .so redirects, %d under 200 bytes, %d duplicates)\n' \
    "$lang" "$total" "$n_links" "$n_so" "$n_short" "$n_dup"
  for s in 1 2 3 4 5 6 7 8; do
    [[ -d $out/$lang/$s ]] || continue
    printf '  section %s: %d\n' "$s" "$(find "$out/$lang/$s" -type f -name '*.txt' | wc -l)"
  done
done
