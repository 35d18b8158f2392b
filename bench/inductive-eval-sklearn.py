#!/usr/bin/python3
"""Reference baseline with scikit-learn (Debian: apt-get install python3-sklearn).

TfidfVectorizer with its defaults + KMeans(n_init=10) on the same evaluation set that
`npm run eval:inductive` uses; ARI as the mean over random_state 1..5. Usage:
/usr/bin/python3 bench/inductive-eval-sklearn.py (Debian's Python, which has the package)
"""
import pathlib
import statistics

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

root = pathlib.Path(__file__).resolve().parent.parent
rows = [line.split("\t") for line in (root / "test/fixtures/inductive-eval/segments.tsv").read_text(encoding="utf-8").strip().split("\n")[1:]]
texts = [r[3] for r in rows]
labels = [r[2] for r in rows]
k = len(set(labels))
x = TfidfVectorizer().fit_transform(texts)
scores = [adjusted_rand_score(labels, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)) for seed in range(1, 6)]
print(f"scikit-learn TfidfVectorizer + KMeans (k = {k}, n_init = 10): ARI {statistics.mean(scores):.3f} (mean over random_state 1..5; {', '.join(f'{s:.3f}' for s in scores)})")
