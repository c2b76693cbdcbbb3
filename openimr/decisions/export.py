"""Bulk export of the de-identified corpus (or one search's decisions) as CSV, JSON Lines or
Parquet, a chunk of decisions at a time so that a million letters stream in constant memory.
CSV and Parquet have one row per disputed item (the decision's columns repeated), JSON Lines
one object per decision with its items nested. Only Decision columns are written: the
stored document is never copied out whole."""

import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from openimr.decisions.domain.spreadsheet import SpreadsheetCsv
from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty
from openimr.decisions.search import matching_ids
from openimr.decisions.search_terms import SearchQuery

DECISION_COLUMNS = (
    "case_number",
    "source",
    "layout",
    "decision_date",
    "year",
    "assigned_date",
    "injury_date",
    "ur_decision_date",
    "application_received_date",
    "priority",
    "employee_age",
    "employee_sex",
    "licensed_in",
    "specialties",
    "clinical_summary",
)
ITEM_COLUMNS = (
    "item_position",
    "treatment",
    "category",
    "outcome",
    "mtus_based",
    "cites_mtus",
    "cites_acoem",
    "cites_odg",
    "cites_other",
    "rationale",
)
_ITEM_FIELDS = ITEM_COLUMNS[1:]
_STORED = tuple(c for c in DECISION_COLUMNS if c not in ("licensed_in", "specialties"))


@dataclass
class Tally:
    """How many decisions an export has handed on so far (the CLI says how many it wrote)."""

    decisions: int = 0


def decisions(query: SearchQuery, tally: Tally | None = None) -> Iterator[dict[str, Any]]:
    """Each matching decision as a plain dict with its specialties and items, counted in
    ``tally`` as it is handed on."""
    tally = tally if tally is not None else Tally()
    for ids in matching_ids(query):
        rows = {r["id"]: r for r in Decision.objects.filter(id__in=ids).values("id", *_STORED)}
        licensed = dict(Decision.objects.filter(id__in=ids).values_list("id", "licensed_in"))
        specialties: dict[int, list[str]] = {}
        for did, name in DecisionSpecialty.objects.filter(decision_id__in=ids).values_list(
            "decision_id", "specialty"
        ):
            specialties.setdefault(did, []).append(name)
        items: dict[int, list[dict[str, Any]]] = {}
        values = DecisionItem.objects.filter(decision_id__in=ids).order_by(
            "decision_id", "position"
        )
        for item in values.values("decision_id", "position", *_ITEM_FIELDS):
            item["item_position"] = item.pop("position") + 1
            items.setdefault(item.pop("decision_id"), []).append(item)
        for did in ids:
            row = rows[did]
            del row["id"]
            row["licensed_in"] = list(licensed.get(did) or [])
            row["specialties"] = sorted(specialties.get(did, []))
            row["items"] = items.get(did, [])
            tally.decisions += 1
            yield row


def flat_rows(query: SearchQuery, tally: Tally | None = None) -> Iterator[dict[str, Any]]:
    """One row per item (a decision without items gives one row with empty item columns)."""
    for decision in decisions(query, tally):
        base = {k: decision[k] for k in DECISION_COLUMNS}
        base["licensed_in"] = ";".join(base["licensed_in"])
        base["specialties"] = ";".join(base["specialties"])
        for item in decision["items"] or [dict.fromkeys(ITEM_COLUMNS)]:
            yield {**base, **item}


class Writer(Protocol):
    @property
    def content_type(self) -> str: ...

    def stream(self, query: SearchQuery, tally: Tally | None = None) -> Iterator[bytes]: ...


class _Sink:
    """A write-only stream that hands its bytes on as they come: Parquet asks where it is
    (tell) to record column offsets, so the position counts everything ever written."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0
        self.closed = False

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        self.position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts = []
        return data


@dataclass(frozen=True)
class CsvWriter:
    content_type: str = "text/csv; charset=utf-8"
    batch: int = 500

    def stream(self, query: SearchQuery, tally: Tally | None = None) -> Iterator[bytes]:
        text = io.StringIO()
        columns = DECISION_COLUMNS + ITEM_COLUMNS
        out = SpreadsheetCsv(text, columns)  # the BOM, and no cell run as a formula
        for n, row in enumerate(flat_rows(query, tally), 1):
            out.row(row[column] for column in columns)
            if n % self.batch == 0:
                yield _drain(text)
        yield _drain(text)


def _drain(text: io.StringIO) -> bytes:
    data = text.getvalue().encode("utf-8")
    text.seek(0)
    text.truncate()
    return data


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@dataclass(frozen=True)
class JsonLinesWriter:
    content_type: str = "application/jsonl; charset=utf-8"
    batch: int = 200

    def stream(self, query: SearchQuery, tally: Tally | None = None) -> Iterator[bytes]:
        lines: list[str] = []
        for decision in decisions(query, tally):
            lines.append(json.dumps(decision, default=_json_default, ensure_ascii=False))
            if len(lines) >= self.batch:
                yield ("\n".join(lines) + "\n").encode("utf-8")
                lines = []
        if lines:
            yield ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True)
class ParquetWriter:
    content_type: str = "application/vnd.apache.parquet"
    batch: int = 20_000

    def stream(self, query: SearchQuery, tally: Tally | None = None) -> Iterator[bytes]:
        # pyarrow loads only when a Parquet file is asked for (it adds ~0.1 s to start-up).
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415

        schema = _parquet_schema(pa)
        sink = _Sink()
        with pq.ParquetWriter(pa.PythonFile(sink, mode="w"), schema, compression="zstd") as writer:
            rows: list[dict[str, Any]] = []
            for row in flat_rows(query, tally):
                rows.append(row)
                if len(rows) >= self.batch:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
                    yield sink.take()
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        yield sink.take()


def _parquet_schema(pa: Any) -> Any:
    dates = {"decision_date", "assigned_date", "injury_date", "ur_decision_date"}
    dates.add("application_received_date")
    numbers = {"year", "employee_age", "item_position"}
    flags = {"mtus_based", "cites_mtus", "cites_acoem", "cites_odg", "cites_other"}

    def kind(name: str) -> Any:
        if name in dates:
            return pa.date32()
        if name in numbers:
            return pa.int32()
        if name in flags:
            return pa.bool_()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in DECISION_COLUMNS + ITEM_COLUMNS])


WRITERS: dict[str, Writer] = {
    "csv": CsvWriter(),
    "jsonl": JsonLinesWriter(),
    "parquet": ParquetWriter(),
}
