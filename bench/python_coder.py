"""The dictionary coder a researcher would otherwise script, for `npm run bench` to compare with.

Reads every note under a folder, cuts it into paragraphs (blank lines; front matter dropped),
stems words with NLTK's Norwegian Snowball stemmer (memoised: corpora repeat word forms) and
counts a fixed vocabulary of stems and stem n-grams from the codebook's terms with
scikit-learn's CountVectorizer. Prints, per code, how many paragraphs it hits (CSV on stdout).

Usage: python_coder.py NOTES_DIR TERMS_JSON   (TERMS_JSON: {"code-id": ["term", ...], ...})
Needs Debian's python3-nltk and python3-sklearn; run it with /usr/bin/python3.
"""
import json
import os
import re
import sys
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from sklearn.feature_extraction.text import CountVectorizer

WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")
stem = lru_cache(maxsize=None)(SnowballStemmer("norwegian").stem)


def analyse(text, max_n):
    stems = [stem(w) for w in WORD.findall(text.lower())]
    out = list(stems)
    for n in range(2, max_n + 1):
        out.extend(" ".join(stems[i:i + n]) for i in range(len(stems) - n + 1))
    return out


def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[end + 4:] if end != -1 else text
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def main():
    notes_dir, terms_path = sys.argv[1], sys.argv[2]
    with open(terms_path, encoding="utf-8") as f:
        terms = json.load(f)
    # Each term becomes one vocabulary entry: its words' stems joined by spaces.
    entries = {}
    for code, words in terms.items():
        for term in words:
            key = " ".join(stem(w) for w in term.lower().replace("*", "").split())
            entries.setdefault(key, set()).add(code)
    vocabulary = sorted(entries)
    max_n = max(len(v.split()) for v in vocabulary)
    segments = []
    for root, dirs, files in os.walk(notes_dir):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".md", ".markdown", ".txt")):
                segments.extend(paragraphs(os.path.join(root, name)))
    vectorizer = CountVectorizer(analyzer=lambda t: analyse(t, max_n), vocabulary=vocabulary)
    counts = vectorizer.transform(segments)  # segments x vocabulary, sparse
    hit = counts > 0
    codes = sorted(terms)
    print("code,segments")
    for code in codes:
        columns = [i for i, v in enumerate(vocabulary) if code in entries[v]]
        n = int((hit[:, columns].sum(axis=1) > 0).sum()) if columns else 0
        print(f"{code},{n}")
    print(f"# {len(segments)} segments", file=sys.stderr)


if __name__ == "__main__":
    main()
