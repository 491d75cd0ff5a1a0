"""``python -m cleaner.cli``: the same as the ``cleaner`` console script."""

from __future__ import annotations

from cleaner.cli.app import main

if __name__ == "__main__":
    main()
