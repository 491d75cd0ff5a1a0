"""The HTML front end: one selectolax parse, metadata, pre-cleaning, blocks, main content.

``frontend.parse_html`` runs the steps, each in its own module:

- ``nesting``: cap the nesting depth before parsing (deep trees make parsing quadratic);
- ``page_metadata``: what the page declares: JSON-LD (read by ``json_ld``: ``@graph``,
  ``@id`` links), OpenGraph, ``article:`` and other meta tags, microdata dates;
- ``segment``: one walk over the tree into blocks (CSS path, link density, kind, the chain
  of elements each sits in), from ``walk`` (the DOM walk; block texts are normalised
  there, not the markup), ``tags`` (which elements are blocks, skipped, cells),
  ``valve`` (the pre-cleaning safety valves) and ``page_model`` (elements, segments,
  ancestries, CSS paths);
- ``preclean``: named selector groups (structure, hidden, consent, newsletter, share,
  related, comments, ads), asked once per element during the walk; the safety valves
  (``valve``) undo a match holding most of the page's prose;
- ``prose``: what counts as prose (words, link density), shared by the valve and the
  extractor;
- ``extract``: the article container (the smallest element holding most of the prose),
  link lists and captions inside it, the standfirst before it;
- ``visible``, ``byline_names``, ``credits``, ``titles`` and ``choose``: the headline,
  bylines (the names read out of them), dates, agency credits and copyright holders a
  reader sees, and the choice of each metadata field with its provenance;
- ``author_links``, ``signatures`` and ``contacts``: the author of pages that name none
  in their markup or bylines: a link to an author's page, a name signing the story, a
  press release's contact person, a "Submitted by ... on <date>" line;
- ``cascade``: trafilatura as a second opinion when our own result is doubtful; the
  verdict becomes ``Article.provenance["text"]``.

The shared layers then run on what survives (``pipeline.HTML_LAYERS``: tickers, end
sections, engagement counters, promo lines, tag lists, footers, menus, duplicates).
"""
