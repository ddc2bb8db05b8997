#!/usr/bin/python3
"""Make a large synthetic corpus with real topics from 20 Newsgroups.

Usage: make_corpus.py N [--source DIR] [--out DIR] [--seed S] [--per-folder 1000]

Each of the N documents takes one newsgroup of the source (groups are
weighted by their number of posts) and 4 to 12 sentences drawn at random from
the bodies of that group's posts (headers and quoted '>' lines left out), so a
topic model finds the groups again. Documents are written as
OUT/FFFFF/NNNNNNNNN.txt, --per-folder of them per folder, in generation order.

Deterministic: the same source, N, seed and --per-folder give byte-identical
files. Documents are streamed to disk one at a time, so memory stays at the
size of the source's sentences whatever N is. OUT/.labels.tsv gives each
document's group (hidden, so neither pipeline reads it). A finished corpus is
marked by OUT/.complete (holding the settings); a run whose marker matches
does nothing, and anything else in OUT is replaced.

Default source: <repository>/../shared/corpora/20news/train; default OUT:
bench/out/corpus-N.
"""

import argparse
import bisect
import itertools
import json
import random
import re
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_SENTENCES, MAX_SENTENCES = 4, 12


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # the older posts are Latin-1


def sentences_of(text):
    """The body's sentences: after the header block, quoted lines dropped."""
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    lines = (line for line in body.splitlines() if not line.lstrip().startswith((">", "|")))
    flat = " ".join(" ".join(lines).split())
    # Very short fragments (signatures, "Thanks.") carry no topic; very long
    # ones are usually tables or code.
    return [s for s in SENTENCE_END.split(flat) if 20 <= len(s) <= 400 and s.count(" ") >= 3]


def load_groups(source):
    groups = []
    for group in sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith(".")):
        posts = sorted(p for p in group.iterdir() if p.is_file() and not p.name.startswith("."))
        sentences = []
        for post in posts:
            sentences.extend(sentences_of(decode(post.read_bytes())))
        if sentences:
            groups.append((group.name, len(posts), sentences))
    return groups


def generate(n, groups, out, seed, per_folder):
    rng = random.Random(seed)
    names = [name for name, _, _ in groups]
    cumulative = list(itertools.accumulate(posts for _, posts, _ in groups))
    total = cumulative[-1]
    labels = open(out / ".labels.tsv", "w", encoding="utf-8")
    folder = None
    for i in range(n):
        if i % per_folder == 0:
            folder = out / f"{i // per_folder:05d}"
            folder.mkdir()
        g = bisect.bisect_right(cumulative, rng.randrange(total))
        sentences = groups[g][2]
        count = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
        text = " ".join(sentences[rng.randrange(len(sentences))] for _ in range(count))
        name = f"{i:09d}.txt"
        with open(folder / name, "w", encoding="utf-8") as f:
            f.write(text)
            f.write("\n")
        labels.write(f"{folder.name}/{name}\t{names[g]}\n")
    labels.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--source", type=Path, default=BENCH.parent / ".." / "shared" / "corpora" / "20news" / "train")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-folder", type=int, default=1000)
    args = parser.parse_args()
    if args.n < 1 or args.per_folder < 1:
        parser.error("N and --per-folder must be at least 1")
    if not args.source.is_dir():
        sys.exit(f"make_corpus.py: {args.source}: no such folder (the shared corpora live beside the repository)")
    out = args.out or BENCH / "out" / f"corpus-{args.n}"
    settings = {"n": args.n, "source": str(args.source.resolve()), "seed": args.seed,
                "per_folder": args.per_folder, "sentences": [MIN_SENTENCES, MAX_SENTENCES]}
    marker = out / ".complete"
    if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == settings:
        print(f"{out}: already made", file=sys.stderr)
        return
    groups = load_groups(args.source)
    if not groups:
        sys.exit(f"make_corpus.py: {args.source}: no group folders with text")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    generate(args.n, groups, out, args.seed, args.per_folder)
    marker.write_text(json.dumps(settings) + "\n", encoding="utf-8")
    print(f"{out}: {args.n} documents from {len(groups)} groups", file=sys.stderr)


if __name__ == "__main__":
    main()
