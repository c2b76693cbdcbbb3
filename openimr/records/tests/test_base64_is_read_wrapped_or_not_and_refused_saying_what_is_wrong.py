"""Base64 in any wrapping the `base64` tool or MIME writes decodes to the file sent and is
admitted by the pattern the OpenAPI document declares; what does not decode is refused with
its fault named (RFC 4648 section 4; RFC 2045 section 6.8)."""

import base64
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openimr.core.errors import InvalidInput
from openimr.records.domain.base64_text import PATTERN, decode_base64

DECLARED = re.compile(PATTERN)


@given(st.binary(max_size=400), st.sampled_from(["\n", "\r\n", " ", ""]))
def test_a_wrapped_file_decodes_to_the_bytes_sent_and_the_pattern_admits_it(data, newline):
    text = base64.encodebytes(data).decode().replace("\n", newline)
    assert decode_base64(text, "$.f") == data
    assert DECLARED.fullmatch(text)


@pytest.mark.parametrize(
    ("value", "fault"),
    [
        ("A===", "its last group of four ends in more than two padding characters “=”"),
        ("AAAA\n====", "its last group of four ends in more than two padding characters “=”"),
        ("AAAA\n=AAA", "padding “=” at line 2, column 1 comes before the end"),
        ("AAAA\nAA\tA~", "“~” (U+007E) at line 2, column 5 is not a base64 character"),
        ("AA==\x00", "U+0000 at character 5 is not a base64 character"),
    ],
)
def test_a_value_that_does_not_decode_is_refused_naming_its_fault(value, fault):
    with pytest.raises(InvalidInput) as refused:
        decode_base64(value, "$.f")
    [problem] = refused.value.problems
    assert problem.path == "$.f"
    assert problem.message.startswith(f"is not valid base64: {fault}")
    assert not DECLARED.fullmatch(value)
