"""Who wrote a document, from its signature block, its signing label or its letterhead.

Letters list each record reviewed by author and date (domain.md §6), so a wrong author is
worse than none: the patient's name, the addressee ("Dear Dr. ..."), a copy recipient and
the physician who referred or requested (in anything but the request itself) are never
taken for the author.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openimr.core.case import DocumentKind
from openimr.records.domain.text import Line

_CREDENTIAL = (
    r"(?:M\.?\s?D|D\.?O|D\.?C|D\.?P\.?T|M\.?P\.?T|P\.?T|PA-C|F?N\.?P|Ph\.?D|Psy\.?D|L\.?Ac"
    r"|O\.?T\.?R(?:/L)?|D\.?P\.?M|D\.?D\.?S)\.?"
)
_WORD = r"[^\W\d_][\w'’.-]*"
_NAME = rf"(?:(?:Dr|Doctor)\.?\s+)?{_WORD}(?:\s+{_WORD}){{1,3}}"
_SIGNED_LINE = re.compile(
    rf"^(?:/s/\s*|(?:signed|signature|sign)\s*:\s*|_+\s*)?(?P<name>{_NAME}?),?\s+"
    rf"(?P<cred>{_CREDENTIAL}(?:\s*,\s*{_CREDENTIAL})*)(?=$|[\s,])(?P<rest>.*)$"
)
_ESIGNED = re.compile(
    r"\b(?:electronically|digitally)\s+(?:signed|authenticated|reviewed and signed)"
    r"\s+by\s*:?\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_SIGNING_LABELS = (
    "provider", "physician", "treating physician", "rendering provider", "attending physician",
    "radiologist", "interpreting physician", "interpreting radiologist", "reviewer",
    "physician reviewer", "reviewing physician", "peer reviewer", "physician advisor",
    "interpreted by", "signed by", "dictated by", "reviewed by", "therapist",
    "treating therapist", "surgeon", "examiner", "evaluator", "author", "clinician",
    "primary treating physician", "ptp", "treating provider", "consultant", "reading physician",
    "doctor's name", "doctor's name and degree", "physician's name", "treating physician name",
)  # fmt: skip
# The request's author is its requesting physician; elsewhere that is someone else.
_REQUEST_LABELS = (
    "requesting physician", "requesting provider", "physician name", "provider name",
    "requesting physician name", "ordering physician",
)  # fmt: skip
_PATIENT_LABELS = (
    "patient", "patient name", "name", "employee", "employee name", "injured worker",
    "applicant", "claimant", "re", "member", "pt", "pt name", "examinee", "client",
)  # fmt: skip
_NOT_AUTHOR = re.compile(
    r"^(?:dear|cc|c\.c\.|to|attn|attention|re|copy|copies|requesting|referring|ordering"
    r"|primary care|pcp|patient|employee|applicant|claimant|injured worker|referred by)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"(?:^|\s\s|\|\s*|;\s*)(?P<label>[A-Za-z][A-Za-z /'’.]{0,40}?)\s*:\s*")
_VALUE_END = re.compile(
    r"\s\s|\s*\||\s+(?:on|at)\s+\d|\s+\d{1,2}[/-]\d|\s+(?:date|dos|dob|npi|license|lic|phone"
    r"|tel|fax|specialty|time|claim|signature)\b",
    re.IGNORECASE,
)
_PHYSICIAN_BLOCK = re.compile(
    r"^(?:requesting\s+)?(?:physician|provider)(?:\s+information)?\b", re.IGNORECASE
)
_OTHER_BLOCK = re.compile(
    r"^(?:employee|patient|claims administrator|employer|injured worker|insurer)"
    r"(?:\s+information)?\s*:?$",
    re.IGNORECASE,
)
# "Reading radiologist", "Attending surgeon": the role names the signer whatever precedes it.
_SIGNING_ENDINGS = ("radiologist", "reviewer", "surgeon", "therapist", "examiner")
_NOT_NAMES = frozenset(
    {"license", "lic", "npi", "board", "certified", "diplomate", "signature", "page", "dea"}
)
# A letter's signer stands under its closing, with or without credentials.
_CLOSING = re.compile(r"^(?:sincerely|respectfully|regards|best regards|very truly yours)\b", re.I)
_PLAIN_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*$")
_E_SIGNED, _LABELLED, _SIGNATURE, _LETTERHEAD = 5.0, 4.5, 3.5, 2.5


@dataclass(frozen=True)
class Candidate:
    name: str
    score: float
    position: int


def infer_author(lines: Sequence[Line], kind: DocumentKind) -> str | None:
    """The author as written ("Ramón Ortega-Vásquez, M.D."), or None when no signature,
    signing label or credentialed letterhead names one."""
    patients = _patient_names(lines)
    candidates = [
        c for c in _candidates(lines, kind) if not _is_patient(c.name, patients) and c.name
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.score, c.position)).name


def _candidates(lines: Sequence[Line], kind: DocumentKind) -> list[Candidate]:
    labels = _SIGNING_LABELS + (_REQUEST_LABELS if kind is DocumentKind.RFA else ())
    out, block = [], ""
    for position, line in enumerate(lines):
        block = _block(line.text, block)
        late = position >= len(lines) // 3 or position > 6
        out += _line_candidates(line.text, position, late, labels, block, kind)
        if position and _CLOSING.match(lines[position - 1].text) and _PLAIN_NAME.match(line.text):
            out.append(Candidate(_title_case(line.text.strip()), _SIGNATURE, position))
    return out


def _block(text: str, block: str) -> str:
    if _PHYSICIAN_BLOCK.match(text) and ":" not in text.rstrip(":"):
        return "physician"
    return "other" if _OTHER_BLOCK.match(text) else block


def _line_candidates(  # noqa: PLR0917 - one line's context, passed as read
    text: str, position: int, late: bool, labels: Sequence[str], block: str, kind: DocumentKind
) -> list[Candidate]:
    esigned = _ESIGNED.search(text)
    if esigned:
        return [Candidate(_person(_value(esigned["value"])), _E_SIGNED, position)]
    requesting = kind is DocumentKind.RFA and text.lower().startswith("requesting")
    if _NOT_AUTHOR.match(text) and not requesting:
        return []
    out = [
        Candidate(_person(value), _LABELLED, position)
        for label, value in _labelled_values(text)
        if label in labels
        or (label == "name" and block == "physician")
        or (label.endswith(_SIGNING_ENDINGS) and not _NOT_AUTHOR.match(label))
    ]
    signed = _SIGNED_LINE.match(_cosigner(text))
    if signed and not out and _name_shaped(signed):
        score = _SIGNATURE if late else _LETTERHEAD
        out.append(Candidate(_display(signed["name"], signed["cred"]), score, position))
    return out


def _cosigner(text: str) -> str:
    """Of "Jane Roe, PA-C / John Doe, M.D.", the supervising physician who co-signs."""
    parts = [p.strip() for p in re.split(r"\s+/\s+|\s+&\s+", text)]
    physicians = [p for p in parts if re.search(r",?\s+(?:M\.?\s?D|D\.?O)\.?\b", p)]
    return physicians[0] if len(parts) > 1 and physicians else text


def _name_shaped(signed: re.Match[str]) -> bool:
    # A signature line is a name and credentials, perhaps a title or a practice after a comma;
    # a sentence that happens to start with a name is not one.
    words = re.sub(r"^(?:Dr|Doctor)\.?\s+", "", signed["name"]).split()
    rest = signed["rest"].strip()
    short = not rest or rest.startswith(",") or len(rest) <= 40
    # "CA License PT 41187" is a licence line, not a therapist named "CA License".
    numbered = rest[:1].isdigit() or any(w.lower().strip(".") in _NOT_NAMES for w in words)
    return all(word[0].isupper() for word in words) and short and not numbered


def _labelled_values(text: str) -> list[tuple[str, str]]:
    out = []
    for match in _LABEL.finditer(text):
        value = _value(text[match.end() :])
        if value:
            out.append((" ".join(match["label"].lower().split()), value))
    return out


def _value(text: str) -> str:
    end = _VALUE_END.search(text)
    return (text[: end.start()] if end else text).strip(" ,;")


def _person(value: str) -> str:
    """A labelled value as a name: ``Dr. X`` or ``X, MD``; anything not name-shaped is
    dropped, as is a value that is an organization or a date."""
    signed = _SIGNED_LINE.match(value)
    if signed:
        return _display(signed["name"], signed["cred"])
    if re.fullmatch(_NAME, value) and not re.search(r"\d", value):
        return _title_case(value)
    return ""


def _display(name: str, credential: str) -> str:
    name = re.sub(r"^(?:Dr|Doctor)\.?\s+", "", name.strip().rstrip(","))
    return f"{_title_case(name)}, {credential.strip()}"


def _title_case(name: str) -> str:
    # Letterheads and forms shout ("RAMÓN ORTEGA-VÁSQUEZ"); a list of records should not.
    return name.title() if name.isupper() else name


def _patient_names(lines: Sequence[Line]) -> set[str]:
    names: set[str] = set()
    block = ""
    for line in lines:
        block = _block(line.text, block)
        for label, value in _labelled_values(line.text):
            if label in _PATIENT_LABELS and not (label == "name" and block == "physician"):
                names |= _surnames(value)
        dear = re.match(r"^dear\s+(?:mr|ms|mrs|miss)\.?\s+(?P<name>.+?)[,:]?$", line.text, re.I)
        if dear:
            names |= _surnames(dear["name"])
    return names


def _surnames(name: str) -> set[str]:
    words = re.findall(r"[^\W\d_][\w'’-]*", name.lower())
    return {w for w in words if len(w) > 2 and w not in {"the", "and", "mrs", "miss"}}


def _is_patient(name: str, patients: set[str]) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", re.sub(r",.*$", "", name).lower())
    return bool(words) and words[-1] in patients
