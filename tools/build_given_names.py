"""Write ``src/cleaner/data/given_names.txt``: the given names of Faker's person providers.

    pip install --target /some/dir faker   # a build-time tool only, never a dependency
    PYTHONPATH=/some/dir python tools/build_given_names.py

One case-folded name a line, sorted and de-duplicated (the output is the same for the same
Faker version). The names come from the ``first_name*`` lists of the locales in
:data:`LOCALES` (the corpora's languages and a few cheap neighbours in Latin script);
Faker is MIT-licensed, and the file's header line names its version and licence.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "cleaner" / "data" / "given_names.txt"

#: Faker person-provider locales read (Latin script only).
LOCALES = (
    "en", "en_US", "en_GB", "en_IE", "en_NZ",
    "de_DE", "de_AT", "de_CH",
    "fr_FR", "fr_CH", "fr_QC",
    "es", "es_ES", "es_MX", "es_AR", "es_CO",
    "pt_PT", "pt_BR",
    "it_IT",
    "nl_NL", "nl_BE",
    "pl_PL", "cs_CZ", "sk_SK", "sv_SE", "da_DK", "no_NO", "fi_FI", "tr_TR",
    "hu_HU", "ro_RO", "hr_HR", "sl_SI",
)  # fmt: skip
#: The provider attributes holding given names.
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
#: A stop word of these languages is a given name only when ...
STOP_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl")
#: ... the lists of at least this many languages hold it.
MIN_LANGUAGES = 2
#: A given name: letters, with inner hyphens or apostrophes ("Jean-Luc", "D'Arcy"); at
#: least two letters.
NAME = re.compile(r"^[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*$")


def _names(values: object) -> Iterator[str]:
    """The strings of a provider list, tuple or (ordered) dict of name -> weight."""
    if isinstance(values, dict):
        yield from (str(k) for k in values)
    elif isinstance(values, Iterable) and not isinstance(values, str):
        yield from (str(v) for v in values)


def given_names() -> set[str]:
    """Every case-folded given name of :data:`LOCALES`, less the stop words of the corpus
    languages that only one language's lists hold (Faker's English lists hold "Will",
    "May", "Council", "River"; "Maria" and "John" are in several)."""
    from cleaner.metadata.language import stopwords

    languages: dict[str, set[str]] = {}
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ATTRIBUTES:
            for name in _names(getattr(provider, attribute, ())):
                folded = name.strip().casefold()
                if NAME.match(folded):
                    languages.setdefault(folded, set()).add(locale[:2])
    stop = set().union(*(stopwords(code) for code in STOP_LANGUAGES))
    return {n for n, langs in languages.items() if n not in stop or len(langs) >= MIN_LANGUAGES}


def main() -> None:
    import faker

    names = sorted(given_names())
    header = (
        f"# Given names from the person providers of Faker {faker.VERSION} (MIT licence,"
        " https://github.com/joke2k/faker), case-folded; written by tools/build_given_names.py\n"
    )
    OUT.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    print(
        f"{len(names)} names, {OUT.stat().st_size} bytes -> {OUT.relative_to(ROOT)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
