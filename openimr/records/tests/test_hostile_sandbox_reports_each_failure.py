"""The sandbox runs a function on bytes in a child process and says, in words, why it did
not finish: too slow, too much memory, a crash. The function's own refusals come back as
they were raised; the calling process is never the one that dies."""

import os
from pathlib import Path

import pytest

from openimr.core import sandbox
from openimr.core.errors import InvalidInput
from openimr.letters.parsing import LetterUnreadable, parse_pdf
from openimr.letters.parsing.sandboxed import parse_pdf_sandboxed
from openimr.records import pdf
from openimr.records.tests import hostile

QUICK = sandbox.Limits(seconds=0.5, memory_bytes=256 * sandbox.MB)
CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "ca-dwc-imr-2016-2017"


def _fails(function, *args, limits=QUICK) -> sandbox.SandboxFailed:
    with pytest.raises(sandbox.SandboxFailed) as caught:
        sandbox.run(function, b"data", *args, limits=limits)
    return caught.value


def test_the_result_comes_from_another_process():
    data, args, pid = sandbox.run(hostile.echoes, b"bytes", 1, "two", limits=QUICK)
    assert (data, args) == (b"bytes", (1, "two"))
    assert pid != os.getpid()


def test_a_function_that_sleeps_past_the_deadline_is_killed():
    failure = _fails(hostile.sleeps, 30)
    assert (failure.reason, str(failure)) == ("timeout", "could not be read within 0.5 s")


def test_a_function_that_spins_is_stopped_by_the_cpu_limit_or_the_clock():
    assert _fails(hostile.spins).reason == "timeout"


def test_a_function_that_allocates_past_the_limit_is_stopped():
    failure = _fails(hostile.hoards)
    assert (failure.reason, str(failure)) == ("memory", "needed more than 256 MB of memory")


def test_a_crash_is_reported_with_its_signal():
    failure = _fails(hostile.aborts)
    assert failure.reason == "crashed"
    assert str(failure) == "made the reader crash (signal SIGABRT)"


def test_a_refusal_raised_in_the_child_comes_back_with_its_field():
    with pytest.raises(InvalidInput) as caught:
        sandbox.run(pdf.pdf_pages, b"%PDF-1.4 nonsense", "$.file", 10, 1000, limits=QUICK)
    [problem] = caught.value.problems
    assert problem == type(problem)(
        "$.file", "the PDF cannot be opened: it is damaged or unreadable"
    )


def test_the_sandboxed_parser_reads_a_published_letter_as_the_parser_does():
    letter = (CORPUS / "CM16-0219557.pdf").read_bytes()
    assert parse_pdf_sandboxed(letter) == parse_pdf(letter)


def test_the_sandboxed_parser_refuses_as_the_parser_does():
    with pytest.raises(LetterUnreadable, match="not a PDF"):
        parse_pdf_sandboxed(b"Case Number: CM16-0219557")


def test_the_sandboxed_parser_refuses_a_decompression_bomb_naming_the_limit():
    limits = sandbox.Limits(seconds=30, memory_bytes=160 * sandbox.MB)
    with pytest.raises(LetterUnreadable) as caught:
        parse_pdf_sandboxed(hostile.decompression_bomb(1000), limits=limits)
    assert str(caught.value) == "unreadable PDF: it needed more than 160 MB of memory"


def test_an_unexpected_error_in_the_child_is_reported_by_its_type():
    failure = _fails(hostile.breaks)
    assert (failure.reason, str(failure)) == (
        "crashed",
        "could not be read: ValueError: an unexpected bug",
    )
