"""A script's minified source printed by the dump tool is code, not prose."""

from __future__ import annotations

from cleaner import clean
from cleaner.features import MIN_CODE_CHARS, looks_like_prose

ARTICLE = tuple(
    f"Paragraph {k} of the report goes on about the plan, its costs, the regions it covers"
    " and the people who will run it over the next years, as the ministry explained."
    for k in range(6)
)


def test_minified_script_is_not_prose() -> None:
    script = "if (4 === this.readyState) { var r = 0 === this.status && f.onLine; o(e, r); } " * 10
    assert len(script) >= MIN_CODE_CHARS
    assert not looks_like_prose(script, len(script.split()))


def test_prose_with_quotes_and_brackets_and_short_code_stay_prose() -> None:
    quoted = (
        'The minister (who spoke "off the record") said the plan [for 2025] was final; the'
        " regions (all of them) would get the money before the summer, as promised in May."
    ) * 5
    assert len(quoted) >= MIN_CODE_CHARS
    assert looks_like_prose(quoted, len(quoted.split()))
    example = 'result = append(result, first_name, " "); result = append(result, last_name, ", "); ' * 4
    assert len(example) < MIN_CODE_CHARS
    assert looks_like_prose(example, len(example.split()))


def test_a_dump_that_opens_with_a_script_keeps_its_article() -> None:
    script = "\n".join(
        f'function(e, t, n) {{ "use strict"; var r = n({k}); t.a = o()([r.a]) }}, function(e) {{ return e.x({k}) }}; ' * 8
        for k in range(12)
    )
    body = "\n\n".join(ARTICLE)
    text = clean("Home\n\n" + script + "\n\nA headline about the plan\n\n" + body).text
    assert ARTICLE[0] in text and "use strict" not in text
