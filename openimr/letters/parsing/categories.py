"""A treatment's statistical category, as the DWC's annual IMR report counts them
(domain.md §7): pharmaceuticals; DMEPOS; physical therapy and other rehabilitation;
chiropractic; acupuncture; injections; surgery; diagnostics; evaluation and management;
behavioral health; home health; programs; other.

Letters do not print the category, so it is read from the treatment's words: the first word
(or two-word phrase) that names a kind of service decides, because requests name the service
first and its details after ("Lumbar epidural steroid injection with pain interventionist
consult" is an injection; "Consult with hip replacement specialist" is a consultation).
Drug strengths and forms ("50mg", "5%", "cream") decide only when no service word does.
Measured on the 411 items of the 182 corpus letters: see docs/parser.md.
"""

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
# Words that say where or when, not what: "Associated surgical service: Arc sling" is a sling.
_PREFIX = re.compile(
    r"^(?:associated\s+surgical\s+services?\s*:|retrospective\s*:?|pre-?\s?op(?:erative)?\s*(?:labs?\s*:)?"
    r"|post-?\s?op(?:erative)?|labs?\s+to\s+include\s*:)\s*",
    re.IGNORECASE,
)

_PHRASES = {
    ("physical", "therapy"): "rehabilitation",
    ("occupational", "therapy"): "rehabilitation",
    ("hand", "therapy"): "rehabilitation",
    ("manual", "therapy"): "rehabilitation",
    ("aquatic", "therapy"): "rehabilitation",
    ("therapeutic", "exercise"): "rehabilitation",
    ("electrical", "stimulation"): "rehabilitation",
    ("electrical", "muscle"): "rehabilitation",
    ("infrared", "therapy"): "rehabilitation",
    ("infrared", "heat"): "rehabilitation",
    ("myofascial", "release"): "rehabilitation",
    ("functional", "restoration"): "programs",
    ("work", "hardening"): "programs",
    ("work", "conditioning"): "programs",
    ("weight", "loss"): "programs",
    ("gym", "membership"): "programs",
    ("pain", "program"): "programs",
    ("brain", "injury"): "programs",
    ("functional", "capacity"): "evaluation_management",
    ("medical", "clearance"): "evaluation_management",
    ("office", "visit"): "evaluation_management",
    ("office", "visits"): "evaluation_management",
    ("follow", "up"): "evaluation_management",
    ("medication", "management"): "evaluation_management",
    ("home", "health"): "home_health",
    ("home", "care"): "home_health",
    ("home", "aide"): "home_health",
    ("wound", "care"): "home_health",
    ("nerve", "conduction"): "diagnostics",
    ("bone", "scan"): "diagnostics",
    ("sleep", "study"): "diagnostics",
    ("urine", "drug"): "diagnostics",
    ("drug", "screen"): "diagnostics",
    ("grip", "test"): "diagnostics",
    ("cognitive", "behavioral"): "behavioral_health",
    ("mental", "health"): "behavioral_health",
    ("trigger", "point"): "injections",
    ("trigger", "points"): "diagnostics",  # "Trigger points impedance imaging"
    ("steroid", "injection"): "injections",
    ("nerve", "block"): "injections",
    ("assistant", "surgeon"): "surgery",
    ("open", "reduction"): "surgery",
    ("spinal", "cord"): "surgery",
    ("spinal", "manipulation"): "chiropractic",
    ("cold", "therapy"): "dmepos",
    ("compression", "therapy"): "dmepos",
    ("rehab", "kit"): "dmepos",
    ("exercise", "kit"): "dmepos",
    ("assistant", "pa"): "surgery",
    ("pa", "assist"): "surgery",
    ("heat", "therapy"): "dmepos",
    ("hospital", "bed"): "dmepos",
    ("hearing", "aids"): "dmepos",
    ("knee", "scooter"): "dmepos",
    ("range", "of"): "diagnostics",  # "Range of motion test"
}
_WORDS = {
    "chiropractic": "chiropractic",
    "chiropractor": "chiropractic",
    "chiro": "chiropractic",
    "chirophysio": "chiropractic",
    "manipulation": "chiropractic",
    "acupuncture": "acupuncture",
    "electroacupuncture": "acupuncture",
    "psychotherapy": "behavioral_health",
    "psychological": "behavioral_health",
    "psychiatric": "behavioral_health",
    "psychiatrist": "behavioral_health",
    "psychologist": "behavioral_health",
    "psychology": "behavioral_health",
    "cbt": "behavioral_health",
    "counseling": "behavioral_health",
    "biofeedback": "behavioral_health",
    "hypnotherapy": "behavioral_health",
    "nurse": "home_health",
    "nursing": "home_health",
    "rn": "home_health",
    "caregiver": "home_health",
    "frp": "programs",
    "detox": "programs",
    "detoxification": "programs",
    "injection": "injections",
    "injections": "injections",
    "epidural": "injections",
    "esi": "injections",
    "facet": "injections",
    "block": "injections",
    "blocks": "injections",
    "prp": "injections",
    "platelet": "injections",
    "botox": "injections",
    "rhizotomy": "injections",
    "ablation": "injections",
    "neurolytic": "injections",
    "viscosupplementation": "injections",
    "mri": "diagnostics",
    "mr": "diagnostics",
    "ct": "diagnostics",
    "x": "diagnostics",  # "x-ray"
    "xray": "diagnostics",
    "xrays": "diagnostics",
    "radiograph": "diagnostics",
    "radiographs": "diagnostics",
    "emg": "diagnostics",
    "ncv": "diagnostics",
    "ncs": "diagnostics",
    "electromyography": "diagnostics",
    "electrodiagnostic": "diagnostics",
    "ssep": "diagnostics",
    "eeg": "diagnostics",
    "electroencephalogram": "diagnostics",
    "ekg": "diagnostics",
    "ecg": "diagnostics",
    "electrocardiogram": "diagnostics",
    "scan": "diagnostics",
    "imaging": "diagnostics",
    "arthrogram": "diagnostics",
    "ultrasound": "rehabilitation",
    "labs": "diagnostics",
    "lab": "diagnostics",
    "laboratory": "diagnostics",
    "urinalysis": "diagnostics",
    "ua": "diagnostics",
    "cbc": "diagnostics",
    "cmp": "diagnostics",
    "bmp": "diagnostics",
    "pt/ptt": "diagnostics",
    "test": "diagnostics",
    "testing": "diagnostics",
    "polysomnography": "diagnostics",
    "dexa": "diagnostics",
    "surgery": "surgery",
    "surgical": "surgery",
    "arthroscopy": "surgery",
    "arthroscopic": "surgery",
    "repair": "surgery",
    "fusion": "surgery",
    "decompression": "surgery",
    "release": "surgery",
    "orif": "surgery",
    "fixation": "surgery",
    "neuroplasty": "surgery",
    "replacement": "surgery",
    "debridement": "surgery",
    "reconstruction": "surgery",
    "excision": "surgery",
    "evaluation": "evaluation_management",
    "eval": "evaluation_management",
    "consult": "evaluation_management",
    "consultation": "evaluation_management",
    "referral": "evaluation_management",
    "visit": "evaluation_management",
    "exam": "evaluation_management",
    "examination": "evaluation_management",
    "clearance": "evaluation_management",
    "toc": "evaluation_management",
    "specialist": "evaluation_management",
    "neurosurgeon": "evaluation_management",
    "therapy": "rehabilitation",
    "pt": "rehabilitation",
    "ot": "rehabilitation",
    "rehabilitation": "rehabilitation",
    "rehab": "rehabilitation",
    "physiotherapy": "rehabilitation",
    "massage": "rehabilitation",
    "traction": "rehabilitation",
    "shockwave": "rehabilitation",
    "eswt": "rehabilitation",
    "stim": "rehabilitation",
    "unit": "dmepos",
    "tens": "dmepos",
    "brace": "dmepos",
    "braces": "dmepos",
    "bracing": "dmepos",
    "support": "dmepos",
    "sling": "dmepos",
    "ultrasling": "dmepos",
    "wrap": "dmepos",
    "wraps": "dmepos",
    "pillow": "dmepos",
    "cushion": "dmepos",
    "pad": "dmepos",
    "chair": "dmepos",
    "commode": "dmepos",
    "wheelchair": "dmepos",
    "walker": "dmepos",
    "cane": "dmepos",
    "crutches": "dmepos",
    "scooter": "dmepos",
    "bed": "dmepos",
    "mattress": "dmepos",
    "orthotic": "dmepos",
    "orthotics": "dmepos",
    "orthosis": "dmepos",
    "splint": "dmepos",
    "collar": "dmepos",
    "gloves": "dmepos",
    "wipes": "dmepos",
    "kit": "dmepos",
    "stockings": "dmepos",
    "insoles": "dmepos",
    "supplies": "dmepos",
    "rental": "dmepos",
    "vascutherm": "dmepos",
    "cryotherapy": "dmepos",
}
# Word endings of procedures: arthroplasty, meniscectomy, laminotomy, arthrodesis, arthroscopy.
_SURGICAL_ENDINGS = ("ectomy", "plasty", "otomy", "odesis", "scopy", "pexy", "rrhaphy")
# Drugs named without a strength ("Etodolac", "Omeprazole") and forms of medication.
_DRUGS = frozenset(
    re.findall(
        r"\w+",
        """tramadol ultram norco hydrocodone oxycodone oxycontin percocet morphine tapentadol
    nucynta codeine fentanyl methadone buprenorphine suboxone butrans naproxen anaprox
    ibuprofen motrin advil diclofenac voltaren etodolac meloxicam mobic celecoxib celebrex
    nabumetone ketoprofen flurbiprofen indomethacin ketorolac toradol cyclobenzaprine flexeril
    fexmid amrix tizanidine zanaflex baclofen methocarbamol robaxin carisoprodol soma
    orphenadrine norflex metaxalone skelaxin chlorzoxazone lorzone gabapentin neurontin
    pregabalin lyrica duloxetine cymbalta amitriptyline nortriptyline venlafaxine effexor
    bupropion wellbutrin trazodone zolpidem ambien omeprazole prilosec pantoprazole protonix
    lansoprazole prevacid ranitidine famotidine pepcid ondansetron zofran lidocaine lidoderm
    terocin capsaicin menthol salonpas flector lidopro diazepam valium alprazolam xanax
    clonazepam lorazepam fioricet butalbital docusate colace senna sennosides viagra sildenafil
    tabradol synapryn fanatrex dicopanol deprizine ketophene anecream cyclophene misoprostol
    acetaminophen tylenol aspirin prednisone medrol methylprednisolone topiramate topamax
    sumatriptan imitrex dexamethasone bupivacaine dextromethorphan escitalopram sertraline
    fluoxetine citalopram paroxetine mirtazapine quetiapine melatonin eszopiclone lunesta
    oxymorphone hydromorphone dilaudid naloxone narcan methoderm theramine sentra
    medication medications refill refills compound compounded""",
    )
)
_FORMS = re.compile(
    r"\d\s?(?:mg|mcg|ml|g|gm|grams?)\b|\d\s?%|\b(?:cream|gel|patch|patches|ointment|lotion|"
    r"tablets?|tabs?|capsules?|caps|oral|suspension|solution|spray|transdermal)\b",
    re.IGNORECASE,
)


def _decide(words: list[str]) -> str | None:
    # "Spine surgery evaluation": a surgeon's evaluation is not an operation.
    consult = any(w in {"evaluation", "eval", "consult", "consultation", "referral"} for w in words)
    for index, word in enumerate(words):
        if index + 1 < len(words) and (found := _PHRASES.get((word, words[index + 1]))):
            return found
        found = _WORDS.get(word)
        if found == "surgery" and consult and word in {"surgery", "surgical"}:
            continue
        if found:
            return found
        if word in _DRUGS:
            return "pharmaceuticals"
        if len(word) > 6 and word.endswith(_SURGICAL_ENDINGS):
            return "surgery"
    return None


# Memoized: treatments repeat across letters, and the category is the string's alone. At
# most 1,024 answers kept (the parser cuts a treatment at 500 characters: well under 1 MB).
@lru_cache(maxsize=1024)
def treatment_category(treatment: str) -> str:
    """One of the DWC's statistical categories (``openimr.case/1`` ``items[].category``):
    the first service word of the treatment decides; a drug strength or form otherwise;
    ``other`` when nothing does."""
    text = _PREFIX.sub("", treatment.strip())
    words = _WORD.findall(text.lower().replace("x-ray", "xray").replace("pt/ptt", "labs"))
    found = _decide(words)
    if found:
        return found
    if _FORMS.search(text):
        return "pharmaceuticals"
    return "other"
