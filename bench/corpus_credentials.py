"""Reviewer credentials as the letters print them: board certifications by the kind of
item decided, and states of licensure with their weights."""

# Board certifications as the letters print them, by the kind of item decided; two names
# are a certification and its subspecialty ("Anesthesiology, Pain Medicine").
SPECIALTIES = {
    "pharmaceuticals": (
        ("Anesthesiology", "Pain Medicine"),
        ("Preventive Medicine", "Occupational Medicine"),
        ("Physical Medicine & Rehabilitation",),
        ("Family Practice",),
        ("Internal Medicine",),
    ),
    "surgery": (
        ("Orthopedic Surgery",),
        ("Neurological Surgery",),
        ("Orthopedic Surgery", "Hand Surgery"),
        ("Orthopedic Surgery", "Sports Medicine"),
    ),
    "behavioral_health": (("Psychiatry",), ("Psychology",), ("Psychiatry", "Addiction Medicine")),
    "chiropractic": (("Chiropractic Medicine",), ("Physical Medicine & Rehabilitation",)),
    "acupuncture": (("Acupuncture",), ("Physical Medicine & Rehabilitation",)),
    "other": (
        ("Preventive Medicine", "Occupational Medicine"),
        ("Physical Medicine & Rehabilitation", "Pain Medicine"),
        ("Orthopedic Surgery",),
        ("Family Practice",),
        ("Neurology",),
        ("Internal Medicine",),
        ("Physical Medicine & Rehabilitation", "Neuromuscular Medicine"),
    ),
}
REQUESTING_SPECIALTIES = (
    "Orthopedic Surgery",
    "Pain Medicine",
    "Physical Medicine & Rehabilitation",
    "Family Medicine",
    "Chiropractic",
    "Occupational Medicine",
    "Psychology",
    "Internal Medicine",
)

# States of licensure, with California and a few large states commonest, as in the letters.
STATES = {
    "CA": "California",
    "TX": "Texas",
    "NY": "New York",
    "MD": "Maryland",
    "FL": "Florida",
    "NV": "Nevada",
    "PA": "Pennsylvania",
    "OH": "Ohio",
    "IL": "Illinois",
    "MI": "Michigan",
    "NC": "North Carolina",
    "GA": "Georgia",
    "WA": "Washington",
    "AZ": "Arizona",
    "MA": "Massachusetts",
    "NJ": "New Jersey",
    "CT": "Connecticut",
    "VA": "Virginia",
    "OR": "Oregon",
    "CO": "Colorado",
}
STATE_CODES = tuple(STATES)
STATE_WEIGHTS = (40, 9, 8, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1)
