"""Word banks for the synthetic corpus: body regions, treatments, guideline citations and
reviewer credentials, in the wording of the published California IMR letters.

Facts only (real MTUS/ACOEM/ODG chapter names, common requests as letters list them); the
prose banks live in corpus_phrases.py.
"""

# Each body region: where the injury is, what the records say about it, and what is
# requested for it. ``mtus`` is the ACOEM chapter adopted into the MTUS (8 CCR 9792.23.x), as
# the 2016 letters name it; ``odg`` the ODG chapter.
REGIONS = {
    "low back": {
        "acoem3": "Low Back Disorders",
        "part": "lumbar spine",
        "pain": "low back pain",
        "radiating": "radiating to the left lower extremity",
        "diagnoses": (
            ("Lumbar radiculopathy", "M54.16"),
            ("Lumbar disc displacement", "M51.26"),
            ("Lumbar sprain/strain", "S39.012A"),
            ("Low back pain", "M54.50"),
        ),
        "exam": (
            "tenderness along the lumbar paraspinal muscles with spasm and guarding",
            "decreased lumbar range of motion and a positive straight leg raise on the left",
            "diminished sensation in the L5 dermatome",
        ),
        "mtus": "Low Back Complaints 2004",
        "mtus_sections": ("Special Studies", "Surgical Considerations", "Physical Methods"),
        "odg": "Low Back - Lumbar & Thoracic (Acute & Chronic)",
        "injections": (
            "Lumbar epidural steroid injection at L4-L5",
            "Facet joint injections L4-5, L5-S1",
            "Medial branch block L3-L4 and L4-L5",
            "Radiofrequency ablation L4-L5 bilateral",
        ),
        "surgery": (
            "L5-S1 anterior lumbar interbody fusion",
            "L4-L5 microdiscectomy",
            "Lumbar laminectomy L4-S1",
        ),
        "dme": ("Lumbar support brace", "Optimum home rehabilitation kit for the lumbar spine"),
    },
    "neck": {
        "acoem3": "Cervical and Thoracic Spine Disorders",
        "part": "cervical spine",
        "pain": "neck pain",
        "radiating": "radiating to the right upper extremity",
        "diagnoses": (
            ("Cervical radiculopathy", "M54.12"),
            ("Cervical disc degeneration", "M50.30"),
            ("Cervical sprain/strain", "S13.4XXA"),
        ),
        "exam": (
            "tenderness over the cervical paraspinal muscles and trapezius",
            "limited cervical rotation and a positive Spurling's test on the right",
        ),
        "mtus": "Neck and Upper Back Complaints 2004",
        "mtus_sections": ("Special Studies", "Initial Care", "Summary"),
        "odg": "Neck and Upper Back (Acute & Chronic)",
        "injections": (
            "Cervical epidural steroid injection at C5-C6",
            "Trigger point injections to the cervical paraspinals x 4",
        ),
        "surgery": ("Anterior cervical discectomy and fusion C5-C6",),
        "dme": ("Cervical traction unit for home use", "Cervical pillow"),
    },
    "shoulder": {
        "acoem3": "Shoulder Disorders",
        "part": "right shoulder",
        "pain": "right shoulder pain",
        "radiating": "worse with overhead reaching",
        "diagnoses": (
            ("Right shoulder impingement syndrome", "M75.41"),
            ("Rotator cuff tear, right shoulder", "M75.111"),
            ("Bicipital tendinitis, right shoulder", "M75.21"),
        ),
        "exam": (
            "positive Neer and Hawkins impingement signs",
            "flexion limited to 120 degrees with pain at end range",
        ),
        "mtus": "Shoulder Complaints 2004",
        "mtus_sections": ("Initial Care", "Surgical Considerations", "Special Studies"),
        "odg": "Shoulder (Acute & Chronic)",
        "injections": ("Right shoulder subacromial corticosteroid injection",),
        "surgery": (
            "Right shoulder arthroscopic subacromial decompression",
            "Right shoulder rotator cuff repair",
        ),
        "dme": ("Cold therapy unit, 7 day rental", "Shoulder sling with abduction pillow"),
    },
    "knee": {
        "acoem3": "Knee Disorders",
        "part": "left knee",
        "pain": "left knee pain",
        "radiating": "with episodes of locking and giving way",
        "diagnoses": (
            ("Tear of medial meniscus, left knee", "S83.242A"),
            ("Primary osteoarthritis, left knee", "M17.12"),
            ("Chondromalacia patellae, left knee", "M22.42"),
        ),
        "exam": (
            "medial joint line tenderness and a positive McMurray test",
            "mild effusion with crepitation and 0-115 degrees of motion",
        ),
        "mtus": "Knee Complaints 2004",
        "mtus_sections": ("Diagnostic Criteria", "Surgical Considerations", "Summary"),
        "odg": "Knee & Leg (Acute & Chronic)",
        "injections": (
            "Synvisc-One injection to the left knee",
            "Left knee intra-articular corticosteroid injection",
        ),
        "surgery": (
            "Left knee arthroscopy with partial medial meniscectomy",
            "Left total knee arthroplasty",
        ),
        "dme": ("Hinged knee brace", "Continuous passive motion machine, 21 day rental"),
    },
    "wrist": {
        "acoem3": "Hand, Wrist, and Forearm Disorders",
        "part": "right wrist",
        "pain": "right wrist and hand pain",
        "radiating": "with numbness and tingling in the first three digits",
        "diagnoses": (
            ("Carpal tunnel syndrome, right upper limb", "G56.01"),
            ("De Quervain's tenosynovitis, right", "M65.4"),
            ("Sprain of right wrist", "S63.501A"),
        ),
        "exam": (
            "positive Tinel's and Phalen's signs at the right wrist",
            "decreased grip strength on the right",
        ),
        "mtus": "Forearm, Wrist, and Hand Complaints 2004",
        "mtus_sections": ("Special Studies", "Initial Care", "Surgical Considerations"),
        "odg": "Forearm, Wrist, & Hand (Acute & Chronic)",
        "injections": ("Right carpal tunnel corticosteroid injection",),
        "surgery": ("Right carpal tunnel release", "Right first dorsal compartment release"),
        "dme": ("Right wrist splint", "Paraffin bath unit"),
    },
    "elbow": {
        "acoem3": "Elbow Disorders",
        "part": "left elbow",
        "pain": "left elbow pain",
        "radiating": "aggravated by gripping",
        "diagnoses": (
            ("Lateral epicondylitis, left elbow", "M77.12"),
            ("Cubital tunnel syndrome, left", "G56.22"),
        ),
        "exam": ("tenderness over the lateral epicondyle with pain on resisted wrist extension",),
        "mtus": "Elbow Complaints 2007",
        "mtus_sections": ("Initial Care", "Surgical Considerations"),
        "odg": "Elbow (Acute & Chronic)",
        "injections": ("Platelet-rich plasma injection to the left elbow",),
        "surgery": ("Left lateral epicondyle release", "Left ulnar nerve transposition"),
        "dme": ("Counterforce elbow strap",),
    },
    "ankle": {
        "acoem3": "Ankle and Foot Disorders",
        "part": "right ankle",
        "pain": "right ankle and foot pain",
        "radiating": "worse with prolonged standing and walking",
        "diagnoses": (
            ("Sprain of right ankle", "S93.401A"),
            ("Plantar fasciitis, right foot", "M72.2"),
        ),
        "exam": ("swelling over the lateral malleolus and tenderness of the ATFL",),
        "mtus": "Ankle and Foot Complaints 2004",
        "mtus_sections": ("Special Studies", "Initial Care"),
        "odg": "Ankle & Foot (Acute & Chronic)",
        "injections": ("Right plantar fascia corticosteroid injection",),
        "surgery": ("Right ankle arthroscopy with debridement",),
        "dme": ("Custom orthotics", "Controlled ankle motion walking boot"),
    },
    "stress": {
        "acoem3": "Chronic Pain",
        "part": "psyche",
        "pain": "anxiety, depressed mood and difficulty sleeping",
        "radiating": "since the work injury",
        "diagnoses": (
            ("Major depressive disorder, single episode, moderate", "F32.1"),
            ("Generalized anxiety disorder", "F41.1"),
            ("Adjustment disorder with mixed anxiety and depressed mood", "F43.23"),
        ),
        "exam": ("a constricted affect and a Beck Depression Inventory score of 28",),
        "mtus": "Stress Related Conditions 2004",
        "mtus_sections": ("Summary", "Initial Care"),
        "odg": "Mental Illness & Stress",
        "injections": ("Trigger point injections x 4",),
        "surgery": ("Spinal cord stimulator trial",),
        "dme": ("Light therapy box",),
    },
}
REGION_NAMES = tuple(REGIONS)
REGION_WEIGHTS = (34, 14, 14, 12, 9, 5, 5, 7)

# Pharmaceutical requests as letters list them; opioids are about 24% of pharmaceuticals.
OPIOIDS = (
    "Norco 10/325mg #90",
    "Hydrocodone/APAP 10/325mg #60",
    "Oxycodone 10mg #120",
    "Percocet 5/325mg #60",
    "Tramadol ER 150mg #30",
    "Ultram 50mg #90",
    "Nucynta 50mg #60",
    "OxyContin 20mg #60",
    "Morphine sulfate ER 30mg #60",
    "Fentanyl patch 25mcg/hr #10",
    "Buprenorphine 2mg #30",
    "Tylenol with Codeine #3 #60",
)
# Other pharmaceuticals with their class, which decides the guideline section cited.
OTHER_DRUGS = (
    ("Cyclobenzaprine 7.5mg #60", "relaxant"),
    ("Tizanidine 4mg #60", "relaxant"),
    ("Orphenadrine ER 100mg #60", "relaxant"),
    ("Soma 350mg #30", "relaxant"),
    ("Flexeril 10mg #30", "relaxant"),
    ("Gabapentin 600mg #90", "anticonvulsant"),
    ("Lyrica 75mg #60", "anticonvulsant"),
    ("Naproxen sodium 550mg #60", "nsaid"),
    ("Meloxicam 15mg #30", "nsaid"),
    ("Celebrex 200mg #30", "nsaid"),
    ("Diclofenac sodium ER 100mg #60", "nsaid"),
    ("Omeprazole 20mg #60", "ppi"),
    ("Pantoprazole 20mg #60", "ppi"),
    ("Lidoderm 5% patch #30", "topical"),
    ("Terocin patches #30", "topical"),
    ("Flurbiprofen 20%/Baclofen 5%/Lidocaine 4% cream 180gm", "topical"),
    ("Ketoprofen 10% cream 120gm", "topical"),
    ("Duloxetine 60mg #30", "antidepressant"),
    ("Nortriptyline 25mg #30", "antidepressant"),
    ("Zolpidem 10mg #30", "sleep"),
    ("Trazodone 50mg #30", "sleep"),
    ("Ondansetron 8mg #20", "antiemetic"),
)

# Requests by DWC statistical category; "{part}" is the injured region.
TREATMENTS = {
    "rehabilitation": (
        "Physical therapy 2 times a week for 6 weeks for the {part}",
        "Physical therapy 3x4 for the {part}",
        "Aquatic therapy x 8 sessions",
        "Post-operative physical therapy x 12 sessions for the {part}",
        "Occupational therapy 2x4 for the {part}",
        "Additional physical therapy x 6 visits",
    ),
    "chiropractic": (
        "Chiropractic treatment 2 times a week for 4 weeks for the {part}",
        "Chiropractic manipulation x 6 sessions",
        "Chiro with modalities 2 times a week for 6 weeks for the {part}",
    ),
    "acupuncture": (
        "Acupuncture 2x3 for the {part}",
        "Acupuncture x 6 sessions",
        "Electroacupuncture 1x6 for the {part}",
    ),
    "diagnostics": (
        "MRI of the {part} without contrast",
        "EMG/NCV of the bilateral lower extremities",
        "EMG/NCV of the bilateral upper extremities",
        "X-rays of the {part}, 3 views",
        "CT scan of the {part}",
        "Urine drug screen",
        "Bone scan",
        "Sleep study",
        "Laboratory testing: CBC, CMP and hepatic panel",
    ),
    "evaluation_management": (
        "Pain management consultation",
        "Orthopedic surgeon consultation for the {part}",
        "Follow-up visit with the primary treating physician",
        "Neurology consultation",
        "Functional capacity evaluation",
        "Internal medicine consultation",
    ),
    "behavioral_health": (
        "Cognitive behavioral therapy x 6 sessions",
        "Psychological evaluation",
        "Psychiatric consultation",
        "Biofeedback x 6 sessions",
        "Group psychotherapy 1x per week x 8 weeks",
    ),
    "home_health": (
        "Home health aide 4 hours a day, 5 days a week for 6 weeks",
        "Home health nursing evaluation",
        "Home care assistance 20 hours a week",
    ),
    "programs": (
        "Functional restoration program x 160 hours",
        "Functional restoration program evaluation",
        "Weight loss program (10 weeks)",
        "Work hardening program x 10 visits",
    ),
    "other": (
        "Gym membership x 12 months",
        "Transportation to and from medical appointments",
        "Hand-held massager",
        "Interpreter services for medical visits",
    ),
    "dmepos": (
        "TENS unit, 30 day rental",
        "Interferential stimulator unit, purchase",
        "Hot/cold therapy unit",
        "Cane",
        "Orthopedic mattress",
    ),
}

# DWC statistical categories (domain.md §7): pharmaceuticals are about a third of items.
CATEGORIES = (
    "pharmaceuticals",
    "diagnostics",
    "rehabilitation",
    "dmepos",
    "injections",
    "surgery",
    "acupuncture",
    "evaluation_management",
    "chiropractic",
    "behavioral_health",
    "other",
    "home_health",
    "programs",
)
CATEGORY_WEIGHTS = (33, 14, 13, 8, 8, 6, 4, 4, 3, 2, 2, 1.5, 1.5)

# The MTUS guideline a category is judged by (beyond the body region's ACOEM chapter), with
# the section names the 2016 letters print after "Section(s):".
CHRONIC_PAIN_SECTIONS = {
    "opioid": ("Opioids, criteria for use", "Opioids for chronic pain", "On-Going Management"),
    "relaxant": ("Muscle relaxants (for pain)",),
    "anticonvulsant": ("Anti-epilepsy drugs (AEDs)",),
    "nsaid": ("NSAIDs (non-steroidal anti-inflammatory drugs)",),
    "ppi": ("NSAIDs, GI symptoms & cardiovascular risk",),
    "topical": ("Topical Analgesics", "Lidoderm (lidocaine patch)"),
    "antidepressant": ("Antidepressants for chronic pain",),
    "rehabilitation": ("Physical medicine treatment", "Aquatic therapy"),
    "chiropractic": ("Manual therapy & manipulation",),
    "dmepos": ("Transcutaneous electrotherapy", "Interferential Current Stimulation (ICS)"),
    "injections": ("Epidural steroid injections (ESIs)", "Trigger point injections"),
    "programs": ("Functional restoration programs (FRPs)", "Chronic pain programs"),
    "behavioral_health": ("Behavioral interventions", "Biofeedback", "Psychological evaluations"),
    "home_health": ("Home health services",),
}
ODG_TOPICS = {
    "opioid": ("Opioids", "Opioids, criteria for use"),
    "relaxant": ("Muscle relaxants (for pain)",),
    "anticonvulsant": ("Anti-epilepsy drugs (AEDs)",),
    "nsaid": ("NSAIDs (non-steroidal anti-inflammatory drugs)",),
    "ppi": ("Proton pump inhibitors (PPIs)",),
    "topical": ("Topical analgesics", "Compound drugs"),
    "antidepressant": ("Antidepressants for chronic pain",),
    "sleep": ("Insomnia treatment", "Zolpidem (Ambien)"),
    "antiemetic": ("Antiemetics (for opioid nausea)",),
    "diagnostics": ("MRIs (magnetic resonance imaging)", "Electrodiagnostic studies (EDS)"),
    "rehabilitation": ("Physical therapy", "Aquatic therapy"),
    "dmepos": (
        "Durable medical equipment (DME)",
        "TENS (transcutaneous electrical nerve stimulation)",
        "Continuous-flow cryotherapy",
    ),
    "injections": ("Epidural steroid injections (ESIs), therapeutic", "Facet joint injections"),
    "surgery": ("Surgery", "Indications for surgery"),
    "acupuncture": ("Acupuncture",),
    "evaluation_management": ("Office visits", "Functional capacity evaluation (FCE)"),
    "chiropractic": ("Manipulation",),
    "behavioral_health": ("Cognitive therapy for depression", "Psychotherapy guidelines"),
    "home_health": ("Home health services",),
    "programs": ("Functional restoration programs (FRPs)", "Work conditioning, work hardening"),
    "other": ("Gym memberships", "Transportation (to & from appointments)"),
}
PEER_REVIEWED = (
    "Peer-reviewed literature: Bellamy N, et al. Viscosupplementation for the treatment of "
    "osteoarthritis of the knee. Cochrane Database Syst Rev. 2006",
    "Chou R, Huffman LH. Medications for acute and chronic low back pain. Ann Intern Med. 2007",
    "American College of Radiology Appropriateness Criteria, Chronic Neck Pain, 2010",
    "Furlan AD, et al. Massage for low-back pain. Cochrane Database Syst Rev. 2008",
    "Work Loss Data Institute, Pain (chronic), 2011",
)
