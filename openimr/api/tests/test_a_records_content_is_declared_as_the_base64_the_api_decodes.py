"""The OpenAPI document declares a record's `content_base64` with the alphabet, padding and
line breaks the API decodes, so a client's generator sends what is read: a value the pattern
admits decodes, and one it does not is refused as "is not valid base64"."""

import re

import pytest

from openimr.api.urls import api
from openimr.core.errors import InvalidInput
from openimr.records.domain.base64_text import decode_base64


@pytest.mark.parametrize(
    ("value", "decodes"),
    [
        ("AAAA", True),
        ("JVBERi0x", True),
        ("QQ==", True),
        ("QUI=", True),
        ("0", False),
        ("AAA", False),
        ("A===", False),
        ("AAAA=", False),
        ("AAAA====", False),
        # Wrapped in lines as `base64` and MIME write it: the breaks carry no data.
        ("AA AA", True),
        ("AA\nAA", True),
        ("AA\r\nAA\r\n", True),
        ("QQ=\n=", True),
        ("AA\nA", False),
        ("AA\u00a0AA", False),
        ("AA\vAA", False),
        ("AA-_", False),
    ],
)
def test_the_declared_pattern_admits_exactly_what_decodes(value, decodes):
    schema = api.get_openapi_schema()["components"]["schemas"]["DocumentIn"]
    pattern = re.compile(schema["properties"]["content_base64"]["pattern"])
    assert bool(pattern.fullmatch(value)) is decodes
    if decodes:
        assert decode_base64(value, "$.content_base64")
    else:
        with pytest.raises(InvalidInput, match="is not valid base64"):
            decode_base64(value, "$.content_base64")
