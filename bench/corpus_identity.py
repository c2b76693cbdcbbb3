"""Names and identifying numbers for the de-identification leak test.

Everything here is a function of the case number (and the employee's age and the decision
date, for a consistent date of birth), so ``injected_identifiers(case)`` can list exactly
what ``add_identifiers`` wrote into a case without the generator keeping any state, and a
case with identifiers has the same clinical content as the one without.
"""

import random
from typing import Any

FIRST_NAMES = (
    "Maria",
    "Jose",
    "Guadalupe",
    "Juan",
    "Rosa",
    "Luis",
    "Yolanda",
    "Francisco",
    "Linh",
    "Nguyen Van",
    "Mei",
    "Hiroshi",
    "Priya",
    "Rajesh",
    "Tamika",
    "DeShawn",
    "Kathleen",
    "Robert",
    "Svetlana",
    "Armen",
    "Fatima",
    "Oluwaseun",
    "Brittany",
    "Gregory",
    "Esperanza",
)
LAST_NAMES = (
    "Gonzalez",
    "Ramirez",
    "Villanueva",
    "Nakamura",
    "Tran",
    "Okonkwo",
    "Petrosyan",
    "Castellanos",
    "Whitfield",
    "Abernathy",
    "Kowalczyk",
    "Delgado",
    "Hernandez",
    "Chaudhry",
    "Lindqvist",
    "Oyelaran",
    "Fitzgerald",
    "Zamora",
    "Balakrishnan",
    "Montgomery",
)
EMPLOYERS = (
    "Sunrise Valley Farms, Inc.",
    "Golden Poppy Logistics LLC",
    "Kern Ridge Packing Co.",
    "Bayshore Unified School District",
    "Redwood Crest Hospitality Group",
    "Sierra Foothill Builders, Inc.",
    "Orchard Lane Grocers",
    "Mission Bell Home Care",
)
ADMINISTRATORS = (
    "Harborview Claims Services",
    "Tri-Coast Risk Administrators",
    "Granite Peak Casualty",
    "Meridian Workers Comp Solutions",
)
STREETS = ("Oleander Avenue", "Chestnut Hollow Road", "Arbor Vista Drive", "Quail Run Court")
CITIES = (("Fresno", "937"), ("Bakersfield", "933"), ("Stockton", "952"), ("Riverside", "925"))


def _identity(case: dict[str, Any]) -> dict[str, str]:
    rng = random.Random(f"openimr-corpus-identity:{case['case_number']}")
    pick = rng.choice

    def person() -> str:
        return f"{pick(FIRST_NAMES)} {pick(LAST_NAMES)}"

    decided = case["dates"]["decision"] or "2020-01-01"
    born = int(decided[:4]) - (case["employee"]["age"] or 40) - 1
    city, zip3 = pick(CITIES)
    return {
        "employee": person(),
        "attorney": person(),
        "physician": person(),
        "adjuster": person(),
        "employer": pick(EMPLOYERS),
        "administrator": pick(ADMINISTRATORS),
        "phone": f"({rng.randint(209, 951)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
        "ssn": f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
        "claim": f"ADJ{rng.randint(1000000, 9999999)}",
        "dob": f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{born}",
        "address": f"{rng.randint(100, 9899)} {pick(STREETS)}, {city}, CA {zip3}"
        f"{rng.randint(10, 99)}",
    }


def _short_forms(case: dict[str, Any], who: dict[str, str]) -> dict[str, str]:
    """How the prose refers to people once named: "Ms. Tran", "Dr. Okonkwo"."""
    title = "Ms." if case["employee"]["sex"] == "female" else "Mr."
    return {
        "employee_short": f"{title} {who['employee'].split()[-1]}",
        "physician_short": f"Dr. {who['physician'].split()[-1]}",
    }


# Names a letter marks without a label (issue 6): after a role and a verb, alone in
# parentheses after a professional's role, with a credential after them or a title before
# them. Each case takes one sentence of each kind; ``{name}`` is the name as written there.
UNLABELLED = {
    "case_manager": (
        "Her case manager is {name}.",
        "The nurse case manager was {name}.",
        "The adjuster, who is {name}, asked for the records.",
        "The defense attorney is {name}.",
    ),
    "titled_title": (
        "Nurse Practitioner {name} examined the worker.",
        "Physician Assistant {name} saw the worker in follow-up.",
        "Case Manager {name} called about the request.",
        "Dr. {name} noted tenderness.",
    ),
    "credentialed": (
        "The worker was seen by {name}, PA-C.",
        "{name}, NP, documented the findings.",
        "The report was signed by {name} MD.",
        "{name}, D.O., reviewed the imaging.",
    ),
    "parenthesized": (
        "The claims adjuster ({name}) denied the request.",
        "The PTP ({name}) requested it.",
        "The QME ({name}) found the worker not at maximal improvement.",
    ),
}


def _unlabelled(case: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Each kind of ``UNLABELLED``: (the name as written, the sentence that writes it). A
    random generator of its own, so the other identifiers stay what they were."""
    rng = random.Random(f"openimr-corpus-unlabelled:{case['case_number']}")
    out = {}
    for kind, sentences in UNLABELLED.items():
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if kind == "parenthesized":
            name = last
        elif kind == "credentialed" and rng.random() < 0.5:
            name = f"{first[0]}. {last}"  # "signed by J. Patel MD"
        else:
            name = f"{first} {last}"
        out[kind] = (name, rng.choice(sentences).format(name=name))
    return out


def add_identifiers(case: dict[str, Any]) -> None:
    """Name the parties and mention them, with their numbers, in the free text."""
    who = _identity(case)
    case["employee"]["name"] = who["employee"]
    case["attorney"]["name"] = who["attorney"]
    case["requesting_physician"]["name"] = who["physician"]
    case["employer"]["name"] = who["employer"]
    case["claims_administrator"]["name"] = who["administrator"]
    for doc in case["documents"]:
        if doc["kind"] in ("progress_note", "rfa"):
            doc["author"] = who["physician"]
    short, unlabelled = _short_forms(case, who), _unlabelled(case)
    case["clinical_summary"] = (
        f"The applicant, {who['employee']} (date of birth {who['dob']}, SSN {who['ssn']}), "
        f"lives at {who['address']}. {case['clinical_summary']} {short['employee_short']} is "
        f"represented by {who['attorney']}. The adjuster, {who['adjuster']} of "
        f"{who['administrator']} (claim number {who['claim']}, telephone {who['phone']}), "
        f"handles the claim for {who['employer']}. {unlabelled['case_manager'][1]} "
        f"{unlabelled['titled_title'][1]}"
    )
    first = case["items"][0]
    first["rationale"] = (
        f"{short['physician_short']} ({who['physician']}) documented the request. "
        f"{unlabelled['credentialed'][1]} {unlabelled['parenthesized'][1]} {first['rationale']}"
    )


def claim_number(case: dict[str, Any]) -> str:
    """The claim number a letter's header shows: blank in a published (de-identified) case."""
    return _identity(case)["claim"] if case["employee"]["name"] else ""


# The kinds `injected_identifiers` lists, in its order; the people among them.
IDENTIFIER_KINDS = (
    "employee_short", "physician_short", "employee", "attorney", "physician", "adjuster",
    "employer", "administrator", "phone", "ssn", "claim", "dob", "address", *UNLABELLED,
)  # fmt: skip
PEOPLE = ("employee", "attorney", "physician", "adjuster", *UNLABELLED)


def _written(case: dict[str, Any]) -> dict[str, str]:
    who = _identity(case)
    who.update(_short_forms(case, who))
    who.update({kind: name for kind, (name, _) in _unlabelled(case).items()})
    return who


def injected_identifiers(case: dict[str, Any]) -> list[str]:
    """Every identifying string ``add_identifiers`` writes into this case's text, as
    written; a de-identified version of the case must contain none of them."""
    who = _written(case)
    return [who[key] for key in IDENTIFIER_KINDS]


def planted_surnames(case: dict[str, Any]) -> dict[str, str]:
    """Each planted person's surname alone, by the person's kind: a surname left behind is
    a leak too."""
    who = _written(case)
    return {person: who[person].split()[-1] for person in PEOPLE}
