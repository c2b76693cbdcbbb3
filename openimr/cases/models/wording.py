"""The wording notices are served in, kept once for all the notices that share it."""

import hashlib
import json
from typing import Any

from django.db import models


def wording_key(tables: dict[str, Any]) -> str:
    """The SHA-256 of the wording's canonical JSON (keys sorted, no spaces, UTF-8): the same
    wording gives the same key in every process, whatever order its tables were read in."""
    canonical = json.dumps(tables, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class NoticeWording(models.Model):
    """The tables of the organization's notices.toml a notice was written in (its
    ``organization`` table and its kind's), so that a notice reads as served after the
    organization rewords its notices or moves. Nearly every notice shares its wording with
    thousands of others: stored in each it was 1.4 KB a notice (docs/benchmarks.md). Rows
    are never changed: a new wording is a new row."""

    sha256 = models.CharField(max_length=64, unique=True)
    tables = models.JSONField()

    def __str__(self) -> str:
        return self.sha256[:12]
