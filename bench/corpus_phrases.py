"""Sentence banks for clinical case summaries and decision rationales, in the register of the
published letters ("The applicant is a 34-year-old male who has filed a claim for ...").

Placeholders are filled with ``str.format``; each bank is varied enough that full-text search
over a million generated letters meets a realistic vocabulary.
"""

OPENINGS = (
    "The records presented for review indicate that this {age} year old {sex} was reportedly "
    "injured on {injury_long}.",
    "The applicant is a {age}-year-old {sex} who has filed a claim for chronic {pain} "
    "reportedly associated with an industrial injury of {injury_long}.",
    "The injured worker is a {age} year old {sex}, who sustained an industrial injury on "
    "{injury_dash}.",
    "This {age} year old {sex} sustained an industrial injury on {injury_slash}.",
    "The patient is a {age} year old {sex} with a date of injury of {injury_slash}.",
)
MECHANISMS = (
    "The mechanism of injury is not listed in the records reviewed.",
    "The injury occurred when {he} was lifting a heavy box at work.",
    "{He_} slipped on a wet floor and fell at work.",
    "The injury was sustained while {he} was pulling a loaded pallet jack.",
    "{He_} was rear-ended while driving a company vehicle.",
    "{He_} fell from a ladder while stocking shelves.",
    "The injury was attributed to repetitive keyboarding and mouse use.",
    "{He_} was struck by a falling object in the warehouse.",
    "{He_} twisted while transferring a patient.",
    "The injury is described as cumulative trauma from repetitive work duties.",
)
DIAGNOSES = (
    "The injured worker is undergoing treatment for {dx}.",
    "Diagnoses include {dx}.",
    "The applicant carries diagnoses of {dx}.",
    "The treating diagnoses are {dx}.",
)
NOTES = (
    "The most recent progress note, dated {note_long}, indicates that there are ongoing "
    "complaints of {pain} {radiating}.",
    "On {note_long}, the applicant reported ongoing issues with {pain}, {score}/10, {radiating}.",
    "Medical records dated {note_dash} indicate {pain} rated at {score} out of 10.",
    "At the visit of {note_slash}, the injured worker complained of {pain} {radiating}, rated "
    "{score}/10 on the visual analogue scale.",
)
EXAMS = (
    "The physical examination demonstrated {exam}.",
    "Objective findings were notable for {exam}.",
    "Examination revealed {exam}.",
    "On examination there was {exam}.",
)
IMAGING = (
    "Diagnostic imaging studies were not reviewed during this visit.",
    "An MRI of the {part} dated {img_slash} showed mild degenerative changes without "
    "significant stenosis.",
    "X-rays of the {part} were noted to show degenerative changes.",
    "Electrodiagnostic studies dated {img_slash} were reported as normal.",
    "Prior imaging was described as unremarkable.",
)
TREATMENTS_SO_FAR = (
    "Treatment to date has included {tx}.",
    "Previous treatment includes {tx}.",
    "The applicant has been treated with {tx}.",
    "Treatment and evaluation to date has included {tx}.",
)
TREATMENT_HISTORY = (
    "medications",
    "physical therapy",
    "a home exercise program",
    "chiropractic care",
    "acupuncture",
    "activity modification",
    "injections",
    "bracing",
    "a TENS unit",
    "cognitive behavioral therapy",
    "ice and heat",
)
MEDICATIONS = (
    "Current medications include {meds}.",
    "The applicant's medication list included {meds}.",
    "{He_} is taking {meds}.",
)
WORK = (
    "The injured worker is currently working with modified duties.",
    "The applicant was placed off of work, on total temporary disability.",
    "Work status was documented as permanent and stationary.",
    "The applicant has not worked since the injury.",
    "{He_} has returned to full duty.",
    "Work status was not documented.",
)
REQUESTS = (
    "A request had been made for {request} and was denied in the pre-authorization process "
    "on {ur_long}.",
    "In a utilization review report dated {ur_long}, the claims administrator failed to "
    "approve a request for {request}.",
    "The Utilization Review documentation dated {ur_dash} non-certified the request for {request}.",
    "The original utilization review ({ur_short}) denied a request for {request}.",
    "On {ur_long}, utilization review non-certified {request}.",
)

# Rationales: what the cited guideline says, what the records show, the conclusion.
GUIDELINE_SAYS = {
    "opioid": (
        "The {guide} recommend ongoing review and documentation of pain relief, functional "
        "status, appropriate medication use and side effects for patients taking opioids.",
        "Per the {guide}, continued opioid therapy requires documented improvement in pain "
        "and function, screening for aberrant drug-taking behavior and a current urine drug "
        "screen.",
    ),
    "relaxant": (
        "The {guide} recommend non-sedating muscle relaxants with caution as a second-line "
        "option for short-term treatment of acute exacerbations of chronic low back pain.",
        "According to the {guide}, muscle relaxants are not recommended for longer than 2 to 3 "
        "weeks.",
    ),
    "anticonvulsant": (
        "The {guide} recommend anti-epilepsy drugs for neuropathic pain, with a good response "
        "defined as a 50% reduction in pain.",
    ),
    "nsaid": (
        "The {guide} recommend NSAIDs at the lowest dose for the shortest period in patients "
        "with moderate to severe pain.",
    ),
    "ppi": (
        "The {guide} support a proton pump inhibitor for patients taking NSAIDs who are at "
        "intermediate or high risk for gastrointestinal events.",
    ),
    "topical": (
        "The {guide} state that topical analgesics are largely experimental, and any "
        "compounded product that contains at least one drug that is not recommended is not "
        "recommended.",
        "Per the {guide}, topical lidocaine is recommended only for localized peripheral pain "
        "after a trial of first-line therapy.",
    ),
    "antidepressant": (
        "The {guide} recommend antidepressants as a first-line option for neuropathic pain, "
        "with assessment of pain relief, function, sleep and medication changes.",
    ),
    "sleep": (
        "The {guide} recommend short-term use (7-10 days) of sleep aids for insomnia, after "
        "the cause of the sleep disturbance has been evaluated.",
    ),
    "diagnostics": (
        "The {guide} state that imaging is indicated when there are unequivocal objective "
        "findings of specific nerve compromise in patients who would consider surgery.",
        "According to the {guide}, special studies are not needed unless there are red flags, "
        "progressive neurologic deficit or failure of a conservative trial.",
    ),
    "rehabilitation": (
        "The {guide} allow for fading of treatment frequency plus active self-directed home "
        "physical medicine, with 9-10 visits over 8 weeks for myalgia and myositis.",
        "Per the {guide}, continued therapy depends on documented objective functional "
        "improvement from the visits already completed.",
    ),
    "chiropractic": (
        "The {guide} recommend a trial of 6 visits of manual therapy over 2 weeks, with up to "
        "18 visits over 6-8 weeks given evidence of objective functional improvement.",
    ),
    "acupuncture": (
        "The {guide} state that acupuncture may be used as an option when pain medication is "
        "reduced or not tolerated, with 3 to 6 treatments to produce functional improvement.",
    ),
    "injections": (
        "The {guide} require radiculopathy documented by physical examination and "
        "corroborated by imaging or electrodiagnostic testing before an epidural injection.",
        "According to the {guide}, no more than one set of therapeutic blocks is recommended, "
        "and only with a documented response to a diagnostic block.",
    ),
    "surgery": (
        "The {guide} recommend surgical consultation for patients with activity limitation for "
        "more than one month and failure of exercise programs to increase range of motion.",
        "Per the {guide}, surgery is indicated for clear clinical and imaging evidence of a "
        "lesion shown to benefit from surgical repair, after conservative care has failed.",
    ),
    "dmepos": (
        "The {guide} do not recommend the device as a primary treatment modality, but a "
        "one-month home-based trial may be considered as an adjunct to a program of "
        "evidence-based functional restoration.",
        "According to the {guide}, durable medical equipment must be primarily and customarily "
        "used to serve a medical purpose and be appropriate for use in the home.",
    ),
}
GUIDELINE_SAYS_OTHER = (
    "The {guide} support {treatment_l} when it is likely to improve function and the "
    "clinical findings establish the need for it.",
    "According to the {guide}, the request should be supported by a clear clinical rationale "
    "and a plan for how the results will change management.",
)
UPHELD_FINDINGS = (
    "The documentation submitted for review does not show objective functional improvement "
    "from prior treatment.",
    "There is no documentation of a failed trial of first-line therapy.",
    "There were no red flags or progressive neurologic deficits on examination.",
    "No rationale was provided for the request in the progress notes.",
    "The note was handwritten and not altogether legible, and did not describe the indication.",
    "The applicant remains off work, which argues against any meaningful functional benefit.",
    "The records do not establish how the request would change the course of treatment.",
)
OVERTURNED_FINDINGS = (
    "The treating physician documented failed conservative care including medications, "
    "physical therapy and a home exercise program.",
    "Objective findings on examination corroborate the clinical diagnosis.",
    "The applicant has returned to modified work, an objective functional gain.",
    "The attending provider documented a clear rationale and treatment goals.",
    "The records document a 50% reduction in pain and improved tolerance for walking and "
    "household activities.",
)
# What the records show that bears on one kind of request, by decision.
SPECIFIC_FINDINGS = {
    ("opioid", "upheld"): (
        "Pain scores with and without medication are not documented.",
        "There is no recent urine drug screen or signed opioid agreement in the records.",
        "The records describe long-term opioid use without any documented reduction in pain.",
        "The morphine equivalent dose exceeds 120 mg a day with no plan to taper.",
    ),
    ("opioid", "overturned"): (
        "Urine drug screens have been consistent and an opioid agreement is on file.",
        "The attending provider documented pain falling from 8/10 to 4/10 with the medication "
        "and no aberrant behavior.",
    ),
    ("relaxant", "upheld"): (
        "The medication has been prescribed for months, beyond the short course supported.",
    ),
    ("sleep", "upheld"): (
        "The medication has been prescribed for months, beyond the short course supported.",
        "There is no evaluation of sleep hygiene or the cause of the insomnia.",
    ),
    ("ppi", "upheld"): (
        "There is no documentation of gastrointestinal risk factors to support a proton pump "
        "inhibitor.",
    ),
    ("ppi", "overturned"): ("The applicant has a history of gastritis while taking NSAIDs.",),
    ("topical", "upheld"): (
        "The compounded cream contains agents that are not recommended for topical use.",
        "There is no documented failure of oral antidepressants or anticonvulsants.",
    ),
    ("anticonvulsant", "overturned"): (
        "The medication reduced burning leg pain by half and improved sleep.",
    ),
    ("diagnostics", "upheld"): (
        "It was not stated how the results would alter the treatment plan.",
        "The applicant is not described as a surgical candidate.",
        "Imaging of the same region was obtained within the past year.",
    ),
    ("diagnostics", "overturned"): (
        "There is a progressive neurologic deficit and surgery is under consideration.",
        "Symptoms have persisted beyond six weeks despite conservative care.",
    ),
    ("rehabilitation", "upheld"): (
        "The number of prior sessions completed and their outcome are not documented.",
        "The request exceeds the number of visits the guidelines support.",
    ),
    ("rehabilitation", "overturned"): (
        "The request is within the number of visits the guidelines support.",
        "No therapy has been provided for this body part to date.",
    ),
    ("surgery", "upheld"): (
        "Imaging does not show a lesion that would benefit from surgical repair.",
        "There is no evidence of a recent trial of injections or therapy.",
    ),
    ("surgery", "overturned"): (
        "Imaging confirms the pathology and the applicant has agreed to surgical intervention.",
        "Six months of conservative care, including an injection, have failed.",
    ),
    ("injections", "upheld"): (
        "Radiculopathy is not corroborated by imaging or electrodiagnostic testing.",
        "The response to the prior injection was not documented.",
    ),
    ("injections", "overturned"): (
        "The prior injection gave more than 50% relief for eight weeks with reduced medication "
        "use.",
    ),
}
UPHELD_CONCLUSIONS = (
    "Therefore, the request for {treatment} is not medically necessary.",
    "As such, this request for {treatment} is not medically necessary.",
    "The request for {treatment} is not medically necessary and appropriate.",
    "Consequently, {treatment} is not medically necessary at this time.",
    "The medical necessity of {treatment} has not been established.",
)
OVERTURNED_CONCLUSIONS = (
    "Therefore, the request for {treatment} is medically necessary.",
    "As such, the request for {treatment} is medically necessary and appropriate.",
    "The request for {treatment} is medically necessary.",
    "Medical necessity for {treatment} has been established.",
)
WHY_NOT_MTUS = (
    "The MTUS does not address {topic}.",
    "The MTUS is silent on {topic}; the reviewer therefore relied on the next guideline in "
    "the hierarchy.",
    "The MTUS does not address {topic} for this condition, so evidence-based guidelines "
    "outside the MTUS were consulted.",
)
