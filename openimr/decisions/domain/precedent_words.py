"""The words of a disputed item or a case that say nothing of which treatment or condition it
is: a dose, a form, a length of use, a side (``NOISE``); words every diagnosis shares
(``GENERIC``). The precedent panel (openimr.decisions.precedents) leaves them out of a cohort's
key and of the condition it lists first. No database here."""

import re

# Words that name a form, dose or quantity rather than the treatment itself.
NOISE = frozenset(
    [
        "mg",
        "mcg",
        "ml",
        "tab",
        "tabs",
        "tablet",
        "tablets",
        "capsule",
        "capsules",
        "cap",
        "caps",
        "patch",
        "patches",
        "cream",
        "gel",
        "qty",
        "quantity",
        "purchase",
        "rental",
        "rent",
        "trial",  # "TENS unit 30 day trial": the length of a use, as a rental's
        "times",
        "per",
        "week",
        "weeks",
        "day",
        "days",
        "month",
        "months",
        "visit",
        "visits",
        "session",
        "sessions",
        "unit",
        "units",
        "refill",
        "refills",
        "each",
        "and",
        "the",
        "for",
        "with",
        "without",
        "contrast",  # "MRI ... without contrast": how the imaging is done, as a form
        "view",
        "views",
        "of",
        "to",
        "in",
        "on",
        "request",
        "requested",
        "left",
        "right",
        "bilateral",
        "x",
        # How and when a drug is taken, a release form: "Tramadol ER", "1 tab PO q6h PRN".
        "er",
        "xr",
        "sr",
        "cr",
        "ir",
        "xl",
        "dr",
        "ec",
        "po",
        "prn",
        "bid",
        "tid",
        "qid",
        "qhs",
        "hs",
        "qd",
        "gm",
        "hr",
        "iu",
        # A drug's route, salt, vehicle and how it is taken: "Norco 5/325mg oral tablet",
        # "Oxycodone HCL ER", "Pantoprazole sod DR", "Ketoprofen 20% in cream base", "Compound
        # Ketoprofen", "Voltaren gel apply to affected area", "Synapryn (unknown quantity)".
        *("oral", "orally", "mouth", "suspension", "ointment", "transdermal", "pad", "pads"),
        *("hcl", "sodium", "sod", "base", "compound", "gram", "grams", "unknown", "take"),
        # A salt, which the FDA's listings name after the drug ("hydrocodone bitartrate",
        # "orphenadrine citrate"): the drug is the same, the brand's generic name without it
        # (domain/drug_names.py).
        *("bitartrate", "citrate", "hydrochloride", "tartrate", "maleate", "besylate"),
        *("succinate", "mesylate", "epolamine", "sulfate", "phosphate", "fumarate"),
        *("apply", "affected", "area", "supply", "coverage", "needed", "hour", "hours", "time"),
        # Fillers after a treatment's name: "Chiropractic care", "Acupuncture treatments".
        *("care", "treatment", "treatments"),
    ]
)
GENERIC = frozenset(
    [
        "chronic",
        "acute",
        "pain",
        "unspecified",
        "other",
        "disorder",
        "disease",
        "syndrome",
        "status",
        "post",
        "history",
        "of",
        "the",
        "and",
        "with",
        "without",
        "region",
        "site",
        "initial",
        "encounter",
        "subsequent",
        "sequela",
        # Parts every region shares: "spine" would take a cervical letter for a lumbar one.
        "spine",
        "extremity",
        "extremities",
    ]
)
CONDITION = NOISE | GENERIC
WORD = re.compile(r"[^\W\d_]{3,}")


def words_of(text: str, *, drop: frozenset[str], limit: int) -> list[str]:
    """The first ``limit`` distinct words of ``text`` (three letters or more), lowercased,
    less those in ``drop``."""
    found: list[str] = []
    for word in WORD.findall(text.lower()):
        if word not in drop and word not in found:
            found.append(word)
    return found[:limit]
