"""`openimr corpus recheck`, its second rule: the reviewer specialties of the published
letters stored before the parser read a printed specialty as the known one it names
(openimr.letters.parsing.specialties: "Sports Medicinea" is "Sports Medicine", "PHYSICAL
MEDICINE AND REHABILITATION" "Physical Medicine & Rehabilitation") are read so again, as an
ingest of the same letters would now store them.

Cheap: the spellings are read from the table counting the letters that print each
(migration 0012), a row per spelling, and only a spelling the parser now reads otherwise
is written, one statement for its letters (and one taking it off the letters that name
the known name already: a letter names a specialty once). The table's triggers keep the
counts, the search index and the corpus's stamp in step, as for any write of the rows.
The letters' stored documents name the known name too, as an ingest would store them now:
the rows are read from the document (`store.decision_rows`), and whatever reads them from it
again (a migration's backfill, as 0015 and 0017 read the items) would otherwise bring the
old spelling back beside the new. Issued letters are left as they are: their specialties
come from this organization's reviewer, not from a printed letter. Idempotent: a second run
renames nothing."""

from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import QuerySet

from openimr.audit.services import Actor, audit_record
from openimr.decisions.models import Decision, DecisionSpecialty, Source
from openimr.decisions.specialty_names import letters_by_spelling
from openimr.letters.parsing.specialties import read_specialty


@dataclass(frozen=True)
class Renamed:
    """A spelling of published letters read as the known ``name``, for ``letters`` letters."""

    printed: str
    name: str
    letters: int


def specialties_read_again(*, actor: Actor, dry_run: bool = False) -> list[Renamed]:
    """Each stored spelling the parser now reads as another name, on the published letters
    that print it, renamed (``dry_run``: only said), with an audit event
    (``corpus.specialty_renamed``) each, in the spelling's transaction."""
    renamed = []
    for printed, _ in sorted(letters_by_spelling()):
        name = read_specialty(printed).name
        if name == printed:
            continue
        rows = DecisionSpecialty.objects.filter(
            specialty=printed, decision__source=Source.PUBLISHED
        )
        if dry_run:
            found = Renamed(printed, name, rows.count())
        else:
            found = _rename(printed, name, rows, actor)
        if found.letters:
            renamed.append(found)
    return renamed


def _rename(printed: str, name: str, rows: "QuerySet[DecisionSpecialty]", actor: Actor) -> Renamed:
    with transaction.atomic():
        letters = rows.count()
        letter_ids = list(rows.values_list("decision_id", flat=True))
        named = DecisionSpecialty.objects.filter(specialty=name).values("decision_id")
        rows.filter(decision_id__in=named).delete()
        rows.update(specialty=name)
        _rename_in_documents(letter_ids, printed, name)
        if letters:
            audit_record(
                actor=actor,
                action="corpus.specialty_renamed",
                object_type="specialty",
                object_id=printed,
                detail={"name": name, "letters": letters},
            )
    return Renamed(printed, name, letters)


# Documents read and written at a time: a spelling's letters may be thousands.
_BATCH = 500


def _rename_in_documents(letter_ids: list[int], printed: str, name: str) -> None:
    """The reviewer's specialties of the documents of ``letter_ids`` with ``printed`` read
    as ``name``, once each, in their order. One statement a letter, run as a batch (Django's
    ``bulk_update`` builds a CASE of a branch a letter: `bench/recheck_specialties.py`)."""
    field = Decision._meta.get_field("document")
    update = f"UPDATE {Decision._meta.db_table} SET document = %s WHERE id = %s"
    for start in range(0, len(letter_ids), _BATCH):
        batch = Decision.objects.filter(id__in=letter_ids[start : start + _BATCH])
        changed = [
            (field.get_db_prep_save(document, connection), letter)
            for letter, document in batch.values_list("id", "document")
            if _renamed(document, printed, name)
        ]
        with connection.cursor() as cursor:
            cursor.executemany(update, changed)


def _renamed(document: object, printed: str, name: str) -> bool:
    """Whether ``document`` named ``printed`` among its reviewer's specialties and now names
    ``name`` instead."""
    reviewer = document.get("reviewer") if isinstance(document, dict) else None
    if not isinstance(reviewer, dict):
        return False
    said = reviewer.get("specialties")
    if not isinstance(said, list) or printed not in said:
        return False
    reviewer["specialties"] = list(dict.fromkeys(name if s == printed else s for s in said))
    return True
