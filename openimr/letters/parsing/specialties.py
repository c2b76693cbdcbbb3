"""A reviewer specialty as a letter prints it → the known specialty it names.

The one list of specialty names the parser knows (``KNOWN``, docs/parser.md, "Reviewer
specialties"): the board certifications and subspecialties of the American Board of Medical
Specialties and the American Osteopathic Association, and the other licensed professions
that review items (chiropractic, acupuncture, psychology, podiatry, ...), each spelled as the
published letters spell it ("Physical Medicine & Rehabilitation", "Family Practice", "Pain
Management"). Names the letters print in two ways that both are in use stay two names
("Family Practice" and "Family Medicine", "Pain Management" and "Pain Medicine"): the parser
reads what the letter says, and which boards count as "the same or similar specialty" is the
matcher's question (openimr.reviewers, LC 139.5(c)), not the reader's.

A printed name is read, in order: as a known name written with another case, "and" for "&"
or other punctuation ("PHYSICAL MEDICINE AND REHABILITATION"); as one of ``ALIASES`` (other
spellings of one name: "Orthopaedic Surgery"); as the one known name it is a slip of the
keyboard or of the extractor away from ("Sports Medicinea", as CM16-0238035 prints it:
similarity 90 or more, and no second name as near); else kept as printed, and the parser
warns that it is unknown.
"""

from dataclasses import dataclass
from functools import lru_cache

KNOWN = (
    "Acupuncture",
    "Addiction Medicine",
    "Addiction Psychiatry",
    "Adolescent Medicine",
    "Aerospace Medicine",
    "Allergy & Immunology",
    "Anesthesiology",
    "Brain Injury Medicine",
    "Cardiology",
    "Cardiothoracic Surgery",
    "Cardiovascular Disease",
    "Child & Adolescent Psychiatry",
    "Chiropractic",
    "Chiropractic Medicine",
    "Chiropractor",
    "Clinical Cardiac Electrophysiology",
    "Clinical Neurophysiology",
    "Clinical Psychology",
    "Colon & Rectal Surgery",
    "Consultation-Liaison Psychiatry",
    "Critical Care Medicine",
    "Dentistry",
    "Dermatology",
    "Diagnostic Radiology",
    "Electrodiagnostic Medicine",
    "Emergency Medicine",
    "Endocrinology",
    "Epilepsy",
    "Family Medicine",
    "Family Practice",
    "Foot & Ankle Surgery",
    "Forensic Psychiatry",
    "Gastroenterology",
    "General Surgery",
    "Geriatric Medicine",
    "Geriatric Psychiatry",
    "Gynecologic Oncology",
    "Hand Surgery",
    "Headache Medicine",
    "Hematology",
    "Hospice & Palliative Medicine",
    "Infectious Disease",
    "Internal Medicine",
    "Interventional Cardiology",
    "Interventional Radiology",
    "Maternal-Fetal Medicine",
    "Medical Genetics",
    "Medical Oncology",
    "Medical Toxicology",
    "Nephrology",
    "Neurological Surgery",
    "Neurology",
    "Neuromuscular Medicine",
    "Neuromusculoskeletal Medicine",
    "Neuropsychology",
    "Neuroradiology",
    "Nuclear Medicine",
    "Obstetrics & Gynecology",
    "Occupational Medicine",
    "Occupational Therapy",
    "Ophthalmology",
    "Optometry",
    "Oral & Maxillofacial Surgery",
    "Orthopedic Sports Medicine",
    "Orthopedic Surgery",
    "Osteopathic Manipulative Medicine",
    "Otolaryngology",
    "Pain Management",
    "Pain Medicine",
    "Pathology",
    "Pediatric Orthopedics",
    "Pediatric Rehabilitation Medicine",
    "Pediatric Surgery",
    "Pediatrics",
    "Pharmacy",
    "Physical Medicine & Rehabilitation",
    "Physical Therapy",
    "Plastic Surgery",
    "Podiatric Surgery",
    "Podiatry",
    "Preventive Medicine",
    "Psychiatry",
    "Psychology",
    "Psychosomatic Medicine",
    "Public Health & General Preventive Medicine",
    "Pulmonary Disease",
    "Radiation Oncology",
    "Radiology",
    "Reproductive Endocrinology & Infertility",
    "Rheumatology",
    "Sleep Medicine",
    "Spinal Cord Injury Medicine",
    "Spine Surgery",
    "Sports Medicine",
    "Surgery",
    "Surgical Critical Care",
    "Thoracic Surgery",
    "Undersea & Hyperbaric Medicine",
    "Urology",
    "Vascular Neurology",
    "Vascular Surgery",
)
# Other spellings of one name (keys compared as ``key`` compares): British spelling, the
# abbreviations panels and letters use, a board's name for its one certificate.
ALIASES = {
    "Orthopaedic Surgery": "Orthopedic Surgery",
    "Orthopaedic Sports Medicine": "Orthopedic Sports Medicine",
    "PM&R": "Physical Medicine & Rehabilitation",
    "Physiatry": "Physical Medicine & Rehabilitation",
    "Anaesthesiology": "Anesthesiology",
    "Neurosurgery": "Neurological Surgery",
    "Surgery of the Hand": "Hand Surgery",
    "Otolaryngology - Head & Neck Surgery": "Otolaryngology",
    "Pulmonary Medicine": "Pulmonary Disease",
    "Pulmonology": "Pulmonary Disease",
    "Infectious Diseases": "Infectious Disease",
    "Pediatric": "Pediatrics",
}
# rapidfuzz's ratio (0-100) from which a printed name is read as a known one; below it, or
# with a second name as near, the name is unknown. 90 takes one wrong, missing or extra
# letter in a name of ten letters or more ("Sports Medicinea" scores 97) and leaves apart
# the known names nearest each other ("Neurology" and "Urology" 75, "Nephrology" 84).
SIMILAR = 90


@dataclass(frozen=True)
class Reading:
    """How one printed specialty was read: ``name`` the known name (or the printed one when
    unknown), ``how`` "known" (the name, or a way of writing it), "near" (a slip away from
    one) or "unknown"."""

    name: str
    how: str


def key(name: str) -> str:
    """Case, "&" for "and" and punctuation make no difference: "Physical Medicine and
    Rehabilitation" and "PHYSICAL MEDICINE & REHABILITATION" are one name."""
    text = name.casefold().replace("&", " and ")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


_BY_KEY = {key(name): name for name in KNOWN} | {key(a): n for a, n in ALIASES.items()}


@lru_cache(maxsize=1024)  # letters repeat a few dozen specialties; the answer is the name's
def read_specialty(printed: str) -> Reading:
    """The known specialty ``printed`` names (see the module's docstring for how)."""
    found = _BY_KEY.get(key(printed))
    if found:
        return Reading(found, "known")
    near = _near(key(printed))
    return Reading(near, "near") if near else Reading(printed, "unknown")


def _near(printed: str) -> str | None:
    # Imported on first use: rapidfuzz costs a CLI start that reads no unknown name nothing.
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    best = process.extract(printed, list(_BY_KEY), scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < SIMILAR:
        return None
    # Two names as near (within a point) are a guess between them: none is taken.
    if (
        len(best) > 1
        and best[1][1] >= best[0][1] - 1
        and _BY_KEY[best[1][0]] != _BY_KEY[best[0][0]]
    ):
        return None
    return _BY_KEY[best[0][0]]
