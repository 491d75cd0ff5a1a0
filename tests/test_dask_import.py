"""``cleaner.integrations.dask`` without dask: a clear ImportError, and ``cleaner`` unharmed."""

from __future__ import annotations

import subprocess
import sys

# Runs in a fresh interpreter where importing dask (or distributed) fails, as it does when
# the extra is not installed.
_WITHOUT_DASK = """
import sys
sys.modules["dask"] = None
sys.modules["distributed"] = None
import cleaner  # the core package never needs dask
try:
    import cleaner.integrations.dask
except ImportError as exc:
    print(exc)
else:
    print("imported")
"""


def test_import_without_dask_says_how_to_install() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_DASK], capture_output=True, text=True, check=True
    )
    message = done.stdout.strip()
    assert "pip install 'cleaner[dask]'" in message
    assert "dask" in message.split(";")[0]
