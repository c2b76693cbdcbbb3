"""Reads of letters: the issued one when there is one, else a draft from the case as it is."""

import io
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from openimr.cases.selectors import case_by_number
from openimr.letters.domain.content import Letter
from openimr.letters.domain.template import LetterTemplate, load_template
from openimr.letters.models import IssuedLetter
from openimr.letters.render.html import render_fragment
from openimr.letters.rendering import letter_for, render_pdf_bytes


def letter_for_case_number(case_number: str) -> IssuedLetter | None:
    return IssuedLetter.objects.filter(case__case_number=case_number).first()


def configured_template_path() -> Path | None:
    return Path(settings.OPENIMR_LETTER_TEMPLATE) if settings.OPENIMR_LETTER_TEMPLATE else None


def configured_template() -> LetterTemplate:
    """The organization's template (OPENIMR_LETTER_TEMPLATE), or the shipped default."""
    return load_template(configured_template_path())


def default_organization() -> str:
    return str(configured_template().get("organization.name"))


def _draft(case_number: str) -> Letter:
    return letter_for(case_by_number(case_number), configured_template())


def letter_html_for(case_number: str) -> tuple[IssuedLetter | None, str]:
    issued = letter_for_case_number(case_number)
    if issued:
        return issued, issued.html
    return None, render_fragment(_draft(case_number))


def letter_pdf_for(case_number: str) -> tuple[IssuedLetter | None, BinaryIO]:
    issued = letter_for_case_number(case_number)
    if issued:
        return issued, (Path(settings.MEDIA_ROOT) / issued.pdf_path).open("rb")
    return None, io.BytesIO(render_pdf_bytes(_draft(case_number)))
