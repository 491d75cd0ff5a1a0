"""The words that label a date as the publication or as an update, in the languages of
the word lists: "Published", "Posted on", "Veröffentlicht am"; "Updated", "Last update:",
"Aktualisiert am". The date readers (:mod:`.dump_dates`) and the date choice
(:mod:`.date_labels`) share them.

>>> bool(PUBLISHED_LABEL.search("Veröffentlicht am")), bool(UPDATED_LABEL.search("UpdatedJanuary"))
(True, True)
"""

from __future__ import annotations

import re

__all__ = ["ORIGINAL_LABEL", "PUBLISHED_LABEL", "UPDATED_LABEL"]

#: Words that label a modification date, in the languages of the word lists ("Updated",
#: "Last update:", "Aktualisiert am", "Letzte Änderung", "Mis à jour le", "Actualizado",
#: "Atualizado", "Aggiornato", "Bijgewerkt"; a post's or question's "edited", "Last edited:").
#: Matched inside words too: dumps glue them
#: ("UpdatedJanuary 25, 2026").
UPDATED_LABEL = re.compile(
    r"updated?|modified|revised|aktualisier|geändert|änderung|mis\s+à\s+jour|modifié"
    r"|actualizad[oa]|actualización|atualizad[oa]|atualização|aggiornat[oa]|aggiornamento"
    r"|bijgewerkt|gewijzigd|(?<![^\W\d_])edited",
    re.I,
)
#: Words that label a publication date ("Published", "Posted on", "Veröffentlicht am",
#: "Erschienen am", "Publié le", "Publicado el", "Pubblicato il", "Gepubliceerd op"; a
#: question's "asked", a forum thread's "Start date" and "started by").
PUBLISHED_LABEL = re.compile(
    r"published|posted|veröffentlicht|erschienen|publié|publicad[oa]|pubblicat[oa]"
    r"|gepubliceerd|geplaatst|(?<![^\W\d_])asked|start\s+date|started\s+by",
    re.I,
)
#: Words that state the first publication of a text updated or republished since
#: ("originally published", "first published", "ursprünglich veröffentlicht", "erstmals
#: erschienen", "publié initialement", "publicado originalmente"), not a forum's quote
#: ("Originally Posted by").
ORIGINAL_LABEL = re.compile(
    r"(?:originally|first)\s+published|(?:ursprünglich|erstmals)\s+(?:veröffentlicht|erschienen)"
    r"|publié\s+initialement|initialement\s+publié|publicad[oa]\s+originalmente",
    re.I,
)
