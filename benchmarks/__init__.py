"""Benchmark harness for cleaner: corpora, metrics, peers, report and the CI gate.

Run ``python -m benchmarks.run --help`` from the repository root. The corpora are read
from ``$CLEANER_CORPUS`` if set, else from ``<repo>/../shared/corpus``.
"""
