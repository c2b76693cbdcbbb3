"""Web addresses written whole ("www.smithlaw.com", "smithlaw.com/contact",
"http://smithlaw.com"): a Web URL is an identifier of HIPAA's Safe Harbor (45 CFR
164.514(b)(2)(i)(N)), a firm's, a clinic's or a person's site names who the worker dealt
with, and an employer's ("works at amazon.com") narrows down who the worker is (45 CFR
164.514(b)(2)(i), "employers").

What stays: the sources a letter cites, as the 182 real letters of 2016-2017 cite them
("www.mdguidelines.com", "http://www.drugs.com/famotidine.html", "UpToDate.com",
"https://www.cms.gov/...", "www.nhlbi.nih.gov"): a guideline's publisher, a drug reference,
a payer's policy, a journal, a public body (a ``.gov``, ``.edu``, ``.mil`` or ``.int``
site). Such a site names no one; any other address goes, as an unknown site cannot be told
from a person's. Addresses written with words ("www dot smithlaw dot com") are read in
``spelled_addresses``. Pure functions over text, run by ``identifiers.replace_identifiers``
after the e-mail addresses (whose domain is no site of its own)."""

import re

from openimr.decisions.domain.deidentify import REDACTED

# The sites letters cite, by their registered domain (a subdomain is theirs too:
# "emedicine.medscape.com"). Guidelines' publishers (MTUS's ACOEM, ODG, MDGuidelines), drug
# and clinical references, payers' medical policies, clinical societies and journals.
_REFERENCE_SITES = """
    acoempracguides.org acoem.org odg-twc.com worklossdata.com mcg.com mdguidelines.com
    reedgroup.com hayesinc.com interqual.com guideline.gov uptodate.com wolterskluwer.com
    drugs.com rxlist.com medscape.com webmd.com epocrates.com micromedex.com lexicomp.com
    pdr.net dailymed.com medlineplus.com mayoclinic.org clevelandclinic.org
    hopkinsmedicine.org aetna.com cigna.com anthem.com uhc.com uhcprovider.com bcbs.com
    bcbsa.com kaiserpermanente.org kp.org kaiser.org humana.com noridian.com
    aaos.org orthoinfo.org spine.org asipp.org painmed.org asahq.org ama-assn.org aafp.org
    acponline.org aan.com acr.org aapmr.org apta.org acatoday.org nccaom.org apa.org
    psychiatry.org cochrane.org cochranelibrary.com nejm.org jamanetwork.com bmj.com
    thelancet.com sciencedirect.com springer.com wiley.com lww.com jospt.org jbjs.org
    thejns.org who.int nice.org.uk wikipedia.org
"""
REFERENCE_SITES = frozenset(_REFERENCE_SITES.split())
# Public bodies' and schools' top-level domains: no person's site.
_PUBLIC_TOP_LEVEL = frozenset(("gov", "edu", "mil", "int"))
# Where a web address's name ends: found by its literal dot, which a pattern scans for in C
# (a pattern trying every place of a letter for a host's start costs ten times as much).
_TOP_LEVELS = r"\.(?:com|org|net|gov|edu|mil|int|us|io|info|biz|law|uk|ca)(?![\w-])"
_TOP_LEVEL = re.compile(_TOP_LEVELS, re.IGNORECASE)
# The same in a lowercased text, without the case folding a letter pays for at each dot.
_LOWER_TOP_LEVEL = re.compile(_TOP_LEVELS)


def has_web_address(lower: str) -> bool:
    """Whether the lowercased text may hold a web address (a top-level domain after a dot):
    most letters hold none, and the search in ``lower`` costs a third of the rule's."""
    return _LOWER_TOP_LEVEL.search(lower) is not None


_SCHEME = re.compile(r"https?://$", re.IGNORECASE)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
# What a path may end with that ends the sentence, not the address.
_TRAILING = ".,;:!?)]}'\""


def replace_web_addresses(text: str) -> str:
    """Each web address written whole, with or without "www." or its scheme, its path with
    it → ``[redacted]`` (45 CFR 164.514(b)(2)(i)(N)): "www.smithlaw.com",
    "smithlaw.com/contact", "http://smithlaw.com". A cited source's site stays
    (``cited_site``); an e-mail address's domain is left to the e-mail rule."""
    spans: list[tuple[int, int]] = []
    for found in _TOP_LEVEL.finditer(text):
        if spans and found.start() < spans[-1][1]:
            continue  # a dot of an address already read ("www.nice.org.uk")
        address = _address(text, found.start(), found.end())
        if address is not None:
            spans.append(address)
    if not spans:
        return text
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], REDACTED]
        at = end
    return "".join(out) + text[at:]


def _address(text: str, dot: int, end: int) -> tuple[int, int] | None:
    """The span of the address whose top-level domain is ``text[dot:end]``, or None when it
    is no site's (an e-mail's domain, a word with no letter before the dot) or a cited one."""
    start = dot
    while start > 0 and text[start - 1] in _HOST_CHARS:
        start -= 1
    while start < dot and not text[start].isalnum():
        start += 1
    if start == dot or text[start - 1 : start] == "@" or not text[start:dot].strip("0123456789"):
        return None
    while end < len(text) and (text[end] in _HOST_CHARS and text[end] != "-"):
        end += 1  # the rest of the host: "nice.org.uk"
    host = text[start:end].rstrip(".").lower()
    if cited_site(host):
        return None
    scheme = _SCHEME.search(text, max(0, start - 8), start)
    if text[end : end + 1] == "/":
        while end < len(text) and not text[end].isspace() and text[end] != "\x00":
            end += 1
    end = len(text[:end].rstrip(_TRAILING)) if text[end - 1 : end] in _TRAILING else end
    return (scheme.start() if scheme else start), end


def cited_site(host: str) -> bool:
    """Whether ``host`` (lower case, "www." allowed) is a site letters cite as a source: one
    of ``REFERENCE_SITES`` or under one, or a public body's (45 CFR 164.514(b)(2)(i)(N)
    removes an individual's URLs, not a publisher's)."""
    labels = host.removeprefix("www.").split(".")
    if labels[-1] in _PUBLIC_TOP_LEVEL or "gov" in labels[-2:-1]:
        return True
    return any(".".join(labels[n:]) in REFERENCE_SITES for n in range(len(labels) - 1))
