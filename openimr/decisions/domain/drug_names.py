"""A drug's brand (proprietary) name read as its generic (established) name, so that a
precedent cohort counts "Norco 10/325mg" with "Hydrocodone/acetaminophen 10/325mg" and
"Ultram 50mg" with "Tramadol 50mg": the MTUS judges the drug, not its label (8 CCR
9792.24.2, Chronic Pain Medical Treatment Guidelines, which head each drug by its generic
name and list its brands after it, Norco and Vicodin under hydrocodone/acetaminophen).

Each brand is the proprietary name of an FDA-approved drug product as the FDA lists it, and
its generic words the product's active ingredients as that listing names them, salts left
out ("hydrocodone bitartrate" is hydrocodone): the Orange Book (FDA, Approved Drug Products
with Therapeutic Equivalence Evaluations, "Proprietary Name" against "Active
Ingredient(s)"), and DailyMed's labels (National Library of Medicine) for the products sold
without a prescription (Motrin IB, Colace, Prilosec OTC, Pepcid AC). A brand sold as a patch
or a gel keeps that form ("Lidoderm": lidocaine patch; "Flector": diclofenac patch): the MTUS
judges a patch apart from a drug taken (``treatment_words.KINDS``). The brand of one form
only is listed with it; a brand sold in several forms ("Voltaren": tablets, and the gel) is
read as the drug, its form read from the item's other words ("Voltaren gel").

Not listed: compounded products and "medical foods" (Synapryn, Tabradol, Lidopro, Terocin),
which no FDA approval names, and brands of two letters ("MS Contin"), which a word of the
treatment could be. No database here."""

# Brand -> its generic words (active ingredients, salts left out), then its form when the
# brand names one product form only. Lower case; one word each brand.
BRANDS: dict[str, str] = {
    # Opioids.
    "norco": "hydrocodone acetaminophen",
    "vicodin": "hydrocodone acetaminophen",
    "lortab": "hydrocodone acetaminophen",
    "lorcet": "hydrocodone acetaminophen",
    "percocet": "oxycodone acetaminophen",
    "endocet": "oxycodone acetaminophen",
    "oxycontin": "oxycodone",
    "roxicodone": "oxycodone",
    "ultram": "tramadol",
    "ultracet": "tramadol acetaminophen",
    "nucynta": "tapentadol",
    "dilaudid": "hydromorphone",
    "opana": "oxymorphone",
    "kadian": "morphine",
    "suboxone": "buprenorphine naloxone",
    "duragesic": "fentanyl patch",
    "butrans": "buprenorphine patch",
    # Anticonvulsants used for neuropathic pain.
    "lyrica": "pregabalin",
    "neurontin": "gabapentin",
    "gralise": "gabapentin",
    "topamax": "topiramate",
    # Anti-inflammatory drugs.
    "celebrex": "celecoxib",
    "mobic": "meloxicam",
    "motrin": "ibuprofen",
    "naprosyn": "naproxen",
    "anaprox": "naproxen",
    "relafen": "nabumetone",
    "lodine": "etodolac",
    "voltaren": "diclofenac",
    "arthrotec": "diclofenac misoprostol",
    "flector": "diclofenac patch",
    "pennsaid": "diclofenac topical",
    # Muscle relaxants.
    "flexeril": "cyclobenzaprine",
    "amrix": "cyclobenzaprine",
    "fexmid": "cyclobenzaprine",
    "soma": "carisoprodol",
    "skelaxin": "metaxalone",
    "zanaflex": "tizanidine",
    "norflex": "orphenadrine",
    "lorzone": "chlorzoxazone",
    "parafon": "chlorzoxazone",
    "robaxin": "methocarbamol",
    "lioresal": "baclofen",
    # Topical anaesthetic.
    "lidoderm": "lidocaine patch",
    # Stomach protection.
    "prilosec": "omeprazole",
    "nexium": "esomeprazole",
    "prevacid": "lansoprazole",
    "protonix": "pantoprazole",
    "pepcid": "famotidine",
    "zantac": "ranitidine",
    # Antidepressants.
    "cymbalta": "duloxetine",
    "elavil": "amitriptyline",
    "pamelor": "nortriptyline",
    "effexor": "venlafaxine",
    "wellbutrin": "bupropion",
    "desyrel": "trazodone",
    # Sleep and anxiety.
    "ambien": "zolpidem",
    "lunesta": "eszopiclone",
    "valium": "diazepam",
    "xanax": "alprazolam",
    "klonopin": "clonazepam",
    "ativan": "lorazepam",
    # Others letters name.
    "fioricet": "butalbital acetaminophen caffeine",
    "colace": "docusate",
    "viagra": "sildenafil",
    "medrol": "methylprednisolone",
}


def generic(word: str) -> str | None:
    """The generic words of the brand ``word`` (lower case), or None when it is none."""
    return BRANDS.get(word)
