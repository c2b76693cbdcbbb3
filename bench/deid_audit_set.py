"""An adversarial audit set for the de-identification of free text (issue 6, item 3):
sentences as an IMR reviewer writes a clinical summary or a rationale, with names and
identifiers written in ways the rules may not expect (``LEAKS``), and as many that must come
out unchanged (``KEPT``): drugs, devices, eponymous tests, guidelines, venues, dates of
service. ``bench/deid_audit.py`` counts what survives and what is wrongly removed; the
tests in ``openimr/decisions/tests/test_an_audit_set_of_names_and_identifiers_is_removed.py``
hold the cases the rules now handle, and ``LEFT`` those they do not, with the reason
(docs/corpus.md, "Limits")."""

from typing import NamedTuple

# The parties the audited case states (its known names), as a letter of our own lists them.
KNOWN = {
    "employee": "Guadalupe Hernandez-Whitfield",
    "requesting_physician": "Rosalind Okonkwo, MD",
    "attorney": "Marcus O'Donnell",
    "employer": "Sunrise Valley Farms, Inc.",
    "claims_administrator": "Harbor Claims Services",
}


class Leak(NamedTuple):
    """A text, and the words of it that must not reach the public corpus."""

    text: str
    planted: tuple[str, ...]


LEAKS: tuple[Leak, ...] = (
    # A name beside a known one, after a possessive or in a list.
    Leak("Dr. Lee's partner, Sam Ortiz, saw her on 03/02/2016.", ("Lee", "Sam", "Ortiz")),
    Leak("She was seen by Ana Ruiz and Tom Reyes at the clinic.", ("Ana", "Ruiz", "Tom", "Reyes")),
    Leak(
        "She was evaluated by Karen Liu, and then by Paul Novak.", ("Karen", "Liu", "Paul", "Novak")
    ),
    Leak("Drs. Lee and Patel both recommended an MRI.", ("Lee", "Patel")),
    Leak(
        "Drs. Amir Haddad and Elena Petrova co-signed the report.",
        ("Amir", "Haddad", "Elena", "Petrova"),
    ),
    Leak("The patient was examined by Ji-woo Park on 5/5/2016.", ("Ji-woo", "Park")),
    Leak("Her husband, Carlos Mendez, drives her to therapy.", ("Carlos", "Mendez")),
    Leak("Her supervisor, Dale Brewer, confirmed the modified duty.", ("Dale", "Brewer")),
    Leak("The interpreter, Lucia Ferreira, was present.", ("Lucia", "Ferreira")),
    Leak("Her daughter Maria Chen translated at the visit.", ("Maria", "Chen")),
    # Names in quotes.
    Leak('The adjuster, "Jose Tran," denied the request.', ("Jose", "Tran")),
    Leak('The case manager "Wendy Liang" called the office.', ("Wendy", "Liang")),
    # All capitals.
    Leak("Dr. JOHN SMITH noted spasm of the paraspinals.", ("JOHN", "SMITH")),
    Leak("PATIENT: JOHN SMITH, a 47 year old male.", ("JOHN", "SMITH")),
    Leak("GUADALUPE HERNANDEZ-WHITFIELD reported 8/10 pain.", ("GUADALUPE", "HERNANDEZ")),
    # Particles, apostrophes and hyphens.
    Leak("Dr. de la Cruz recommended a lumbar ESI.", ("Cruz",)),
    Leak("Dr. Maria de la Cruz recommended a lumbar ESI.", ("Maria", "Cruz")),
    Leak("Dr. van der Berg performed the EMG.", ("Berg",)),
    Leak("Dr. Pieter van der Berg performed the EMG.", ("Pieter", "Berg")),
    Leak("Mrs. O'Neil reported improvement with PT.", ("O'Neil",)),
    Leak("Dr. Nguyen-Tran ordered an MRI of the knee.", ("Nguyen-Tran", "Nguyen", "Tran")),
    Leak("Dr. Ibn al-Rashid reviewed the films.", ("Ibn", "Rashid")),
    Leak("Mr. D'Angelo denied numbness.", ("D'Angelo",)),
    # Middle initials.
    Leak("Dr. John Q. Public examined the cervical spine.", ("John", "Public")),
    Leak("The physical therapist Anne M. Baxter documented gains.", ("Anne", "Baxter")),
    Leak("Signed by Robert J. Kim, M.D.", ("Robert", "Kim")),
    # Non-Latin names.
    Leak("Dr. 王伟 recommended acupuncture.", ("王伟",)),
    Leak("Dr. Đặng Văn Minh requested Norco.", ("Đặng", "Văn", "Minh")),
    Leak("Dr. Özdemir noted a positive Spurling test.", ("Özdemir",)),
    Leak("The patient was seen by Dr. 김민준 in Koreatown.", ("김민준",)),
    Leak("Dr. Nguyễn Thị Hương requested physical therapy.", ("Nguyễn", "Thị", "Hương")),
    Leak("Dr. محمد عبدالله reviewed the MRI.", ("محمد", "عبدالله")),
    # Names that are words, as titles mark them.
    Leak("Dr. Rose noted improvement; Mr. Will Grant was the adjuster.", ("Rose", "Will", "Grant")),
    Leak("Ms. Hope Young, NP, refilled the Norco.", ("Hope", "Young")),
    # E-mail addresses.
    Leak("Records were sent to r.okonkwo@coastortho.com on 4/1/2016.", ("okonkwo", "coastortho")),
    Leak("Contact: jtran+imr@harborclaims.net", ("jtran", "harborclaims")),
    # Phone numbers.
    Leak("Call the office at +1 (415) 555-0134 ext. 22.", ("555-0134", "ext. 22")),
    Leak("Fax 415.555.0199 to the adjuster.", ("415.555.0199",)),
    Leak("Her phone number is 4155550134.", ("4155550134",)),
    Leak("Tel: +1 415 555 0177", ("555 0177",)),
    Leak("The office may be reached at 1-800-555-0142, x305.", ("555-0142", "x305")),
    # Dates of birth written in words.
    Leak("The patient was born on March 3, 1970 in Fresno.", ("March 3, 1970",)),
    Leak("Born March 3rd, 1970, she is right-hand dominant.", ("March 3rd, 1970",)),
    Leak("She was born on 3 March 1970.", ("3 March 1970",)),
    Leak("DOB: 03.03.1970", ("03.03.1970",)),
    Leak("Her date of birth is the 3rd of March, 1970.", ("3rd of March, 1970",)),
    Leak("D.O.B. Mar. 3, 1970.", ("Mar. 3, 1970",)),
    # Claim numbers of various shapes.
    Leak("The claim number is 05WC123456.", ("05WC123456",)),
    Leak("Claim# 2016/004417 was accepted.", ("2016/004417", "004417")),
    Leak("Claim No. LA-2016-004417-01 covers the lumbar spine.", ("LA-2016-004417-01",)),
    Leak("under claim numbers 123456789 and 987654321", ("123456789", "987654321")),
    Leak("WCAB case ADJ10234567 is pending.", ("ADJ10234567",)),
    Leak("Claim #: 0005-WC-18-0043", ("0005-WC-18-0043",)),
    # Addresses with unit numbers.
    Leak("She lives at 123 Main Street, Apt 4B, Fresno.", ("123 Main", "4B")),
    Leak("The clinic is at 1500 W. Olympic Blvd., Suite 200.", ("Olympic", "Suite 200")),
    Leak("Her address is 77 Oak Ave Apartment 12.", ("77 Oak", "Apartment 12")),
    Leak("Mail to 4500 El Camino Real, Unit 3, Palo Alto, CA 94306.", ("4500 El Camino", "94306")),
    Leak("Sent to PO Box 2231, Sacramento, CA 95812.", ("2231", "95812")),
    # The case's known names, misspelled, abbreviated or re-cased.
    Leak("Ms. Hernandes reported 6/10 pain.", ("Hernandes",)),
    Leak("Guadelupe reported that the Norco helps.", ("Guadelupe",)),
    Leak("Dr. Okonkow requested 12 sessions.", ("Okonkow",)),
    Leak("Dr. Okonkwo's note of 4/4/2016 was reviewed.", ("Okonkwo",)),
    Leak("Attorney ODonnell objected to the UR decision.", ("ODonnell",)),
    Leak("Hernandez-Whitfeld was seen for follow up.", ("Whitfeld",)),
    Leak("Whitfield, Guadalupe (applicant) was seen.", ("Whitfield", "Guadalupe")),
    Leak("The worker works for Sunrise Valley Farms.", ("Sunrise Valley",)),
    Leak("Rosalind reported the request to Harbor Claims.", ("Rosalind",)),
    Leak("Okonkwo-Reyes, MD, requested the MRI.", ("Okonkwo-Reyes",)),
    Leak("Okonkow's note of 4/4/2016 was reviewed.", ("Okonkow",)),
    Leak("Hernadnez reported that the Norco helps.", ("Hernadnez",)),
    Leak("Dr. Smith MRI findings were reviewed.", ("Smith",)),
    Leak("Her birthday is March 3.", ("March 3",)),
    Leak("Her birthday is March 3rd, 1970.", ("March 3rd, 1970",)),
    # Round two: a letter's recipients and signer, saints, lists, partial numbers, relatives.
    Leak("cc: Ana Ruiz, Tom Reyes", ("Ana", "Ruiz", "Tom", "Reyes")),
    Leak("Attn: Wendy Liang, Claims", ("Wendy", "Liang")),
    Leak("Sincerely, Hana Sato", ("Hana", "Sato")),
    Leak("Dr. St. John reviewed the MRI.", ("John",)),
    Leak("Drs. Lee, Patel, and Kim concurred.", ("Lee", "Patel", "Kim")),
    Leak("Ms. Mary-Kate O'Brien-Smith reported pain.", ("Mary-Kate", "O'Brien-Smith")),
    Leak("The SSN ending in 1234 was on the form.", ("1234",)),
    Leak("She lives in Fresno, California 93721.", ("Fresno", "93721")),
    Leak("Her zip code 93721 was listed.", ("93721",)),
    Leak("Her son, John, drove her to the visit.", ("John",)),
    Leak("Dr. Lee's partner, Sam Ortiz, saw her.", ("Sam", "Ortiz")),
    Leak("The patient's coworker, Luis Ramos, witnessed the fall.", ("Luis", "Ramos")),
    Leak("Okonkwo was reached at +44 20 7946 0958.", ("7946 0958",)),
    Leak("She was seen by PA-C Amanda Choi.", ("Amanda", "Choi")),
    Leak("Dressing changes by RN Jane Doe were documented.", ("Jane", "Doe")),
    # Round three: claim numbers in groups parted by spaces.
    Leak("The claim no. 12 345 678 was accepted for the lumbar spine.", ("12 345 678", "345")),
    Leak("Claim # ADJ 123 4567 is set for a hearing.", ("123 4567", "4567")),
    Leak("The claim # is 05-WC 123 456, per the adjuster.", ("05-WC", "123 456")),
    Leak("The claim number is 05 WC 123456.", ("123456",)),
    Leak("Per the adjuster, claim number 2016 004417 01 covers the knee.", ("004417",)),
    # Titles in capitals before a name.
    Leak("Per CLAIMS ADJUSTER MARIA LOPEZ, the request was denied.", ("MARIA", "LOPEZ")),
    Leak("NURSE CASE MANAGER TREVOR MBEKI called the office on 3/3/2016.", ("TREVOR", "MBEKI")),
    Leak("Claims Examiner MARÍA JOSÉ GARCÍA denied the request.", ("MARÍA", "JOSÉ", "GARCÍA")),
    Leak("The note of NURSE PRACTITIONER KIM J. LEE, FNP, was reviewed.", ("KIM", "LEE")),
    Leak("ATTORNEY SEAMUS O'CONNOR objected to the UR decision.", ("SEAMUS", "O'CONNOR")),
    # The case's known names: initials after the surname, hyphens joining a part the case does
    # not state, typographic apostrophes, an apostrophe typed as a space, reversed and misspelled.
    Leak("Hernandez-Whitfield, G. reported 7/10 pain.", ("Hernandez-Whitfield", "G.")),
    Leak("G. Hernandez-Whitfield reported 7/10 pain.", ("Hernandez-Whitfield",)),
    Leak("Okonkwo, R. requested 12 sessions of physical therapy.", ("Okonkwo", "R.")),
    Leak("O’Donnell’s letter of 5/2/2016 asked for an IMR.", ("O’Donnell",)),
    Leak("Mr. O Donnell filed the application.", ("Donnell",)),
    Leak(
        "Ms. Hernandez-Whitfield-Reyes reported 6/10 pain.", ("Hernandez-Whitfield-Reyes", "Reyes")
    ),
    Leak("Okonkwo-Adeyemi, MD, requested the MRI.", ("Okonkwo-Adeyemi", "Adeyemi")),
    Leak("Rosalind Okonkow's note was reviewed.", ("Rosalind", "Okonkow")),
    Leak("Whitfeild, Guadalupe was seen on 2/2/2016.", ("Whitfeild", "Guadalupe")),
    Leak("R Okonkwo requested the MRI.", ("R Okonkwo", "Okonkwo")),
    # Names of many origins, written as reviewers write them, near services and lists.
    Leak(
        "She was seen by Urgent Care on 2/2/2016 and then by Anjali Venkataraman.",
        ("Anjali", "Venkataraman"),
    ),
    Leak(
        "The physical therapist, Bongani Dlamini, documented 90 degrees of flexion.",
        ("Bongani", "Dlamini"),
    ),
    Leak("Her son, Oluwaseun, interpreted at the visit.", ("Oluwaseun",)),
    Leak(
        "The QME, Dr. Ngozi Eze-Okafor, found her permanent and stationary.",
        ("Ngozi", "Eze-Okafor"),
    ),
    Leak(
        "The adjuster, who is Svetlana Kuznetsova, denied the request.", ("Svetlana", "Kuznetsova")
    ),
    Leak("Per Dr. Takahashi's report, the MRI showed a tear.", ("Takahashi",)),
    Leak(
        "The chiropractor Mateo Fernández-Ruiz treated her 12 times.", ("Mateo", "Fernández-Ruiz")
    ),
    Leak("Signed by Aroha Ngata, DPT, on 4/4/2016.", ("Aroha", "Ngata")),
    Leak("cc: Priya Raghunathan, Esq.; Harbor Claims Services", ("Priya", "Raghunathan")),
    Leak("The interpreter, Thu Trang Pham, was present.", ("Thu", "Trang", "Pham")),
    Leak(
        "She was treated by Sports Chiropractic Group and then by Kwame Mensah.",
        ("Kwame", "Mensah"),
    ),
    Leak("She was seen by Ana Ruiz Physical Therapy on 3/3/2016.", ("Ana", "Ruiz")),
    Leak("The case manager, Siobhan Murphy, approved the visits.", ("Siobhan", "Murphy")),
    Leak("Dr. Yusuf Al-Amin reviewed the EMG.", ("Yusuf", "Al-Amin")),
    Leak("Nurse Practitioner Ewa Kowalczyk refilled the Norco.", ("Ewa", "Kowalczyk")),
    Leak("Her husband, Giovanni Russo, drives her to therapy.", ("Giovanni", "Russo")),
    Leak(
        "The patient's supervisor, Deepak Chaudhary, offered modified duty.",
        ("Deepak", "Chaudhary"),
    ),
    Leak("Claims Examiner Ingrid Johansson modified the request.", ("Ingrid", "Johansson")),
    Leak("Phone (559) 555-0187, ext. 4, for Dr. Moana Kealoha.", ("555-0187", "Moana", "Kealoha")),
    Leak(
        "Her DOB is 07-04-1961 and her claim no. is 9001 2345 6789.",
        ("07-04-1961", "2345 6789", "6789"),
    ),
    Leak("The MRI was interpreted by Haruto Sato, M.D., on 1/5/2016.", ("Haruto", "Sato")),
    Leak("Tatiana Volkova, PA-C, noted a positive Spurling test.", ("Tatiana", "Volkova")),
    Leak("Dr. Chukwuemeka's partner, Dr. Aisha Bello, saw her.", ("Chukwuemeka", "Aisha", "Bello")),
    Leak("She lives at 2210 Rosewood Lane, Apt 7, Fresno, CA 93710.", ("2210 Rosewood", "93710")),
    Leak("The employer is Valle Central Packing, Inc.", ("Valle",)),
    Leak(
        "E-mail from a.kowalski@sierrapt.org dated 3/9/2016 was reviewed.", ("kowalski", "sierrapt")
    ),
    Leak("The PTP was Farhan Qureshi; he requested acupuncture.", ("Farhan", "Qureshi")),
    Leak(
        "Evaluated by Lars-Erik Lindqvist and Maja Berg at the spine center.",
        ("Lars-Erik", "Lindqvist", "Maja", "Berg"),
    ),
    Leak("Her daughter, Xochitl, drives her to physical therapy.", ("Xochitl",)),
    Leak("The evaluator, Rahel Tesfaye, PsyD, administered the BDI.", ("Rahel", "Tesfaye")),
    Leak("Attn: Nomvula Khumalo, Utilization Review", ("Nomvula", "Khumalo")),
    Leak("Dr. Gonçalves de Souza recommended a TENS trial.", ("Gonçalves", "Souza")),
    Leak(
        "GUADALUPE HERNANDEZ WHITFIELD reported 8/10 pain.", ("GUADALUPE", "HERNANDEZ", "WHITFIELD")
    ),
    # Session 20: one word after a title in capitals, titles in capitals with their period,
    # names whose first capital is outside ASCII.
    Leak("CLAIMS ADJUSTER LOPEZ denied the request.", ("LOPEZ",)),
    Leak("Per ATTORNEY CASTELLANOS, the IMR was requested.", ("CASTELLANOS",)),
    Leak("NURSE NGUYEN called the office on 3/3/2016.", ("NGUYEN",)),
    Leak("CASE MANAGER OKAFOR (RN) approved 6 visits.", ("OKAFOR",)),
    Leak("DR. ŁUKASZ NOWAK noted spasm of the paraspinals.", ("ŁUKASZ", "NOWAK")),
    Leak("ATTORNEY ŠIMONOVÁ objected to the UR decision.", ("ŠIMONOVÁ",)),
    Leak(
        "DR. JOHN SMITH noted spasm; DRS. LEE and PATEL agreed.", ("JOHN", "SMITH", "LEE", "PATEL")
    ),
    Leak("MR. ØSTERGAARD called the office.", ("ØSTERGAARD",)),
    Leak("Claims Adjuster Łukasz Nowak denied the request.", ("Łukasz", "Nowak")),
    Leak("The chiropractor Émile Durand treated her 12 times.", ("Émile", "Durand")),
    Leak("Claims Examiner Ólafur Sigurðsson modified the request.", ("Ólafur", "Sigurðsson")),
    Leak("She was seen by Émile Durand and Łukasz Nowak.", ("Émile", "Durand", "Łukasz", "Nowak")),
    Leak("Her husband, Łukasz Nowak, drives her to therapy.", ("Łukasz", "Nowak")),
    Leak("The adjuster, Ştefan Popescu, denied the request.", ("Ştefan", "Popescu")),
    Leak("Signed by Žaneta Dvořák, PA-C, on 4/4/2016.", ("Žaneta", "Dvořák")),
    # Session 20: a role's abbreviation after "the" or a possessive, then the name.
    Leak("The PT, Jane Smith, documented 90 degrees of flexion.", ("Jane", "Smith")),
    Leak("The PT, Smith, documented 90 degrees of flexion.", ("Smith",)),
    Leak("The NP, Kim Lee, refilled the Norco on 3/3/2016.", ("Kim", "Lee")),
    Leak("The PA-C, Amanda Choi, noted a positive Spurling test.", ("Amanda", "Choi")),
    Leak("Her OT, Lucia Ferreira, noted improved grip.", ("Lucia", "Ferreira")),
    Leak("Per the PTP, Sato, the MRI was normal.", ("Sato",)),
    Leak("The patient's PT Jane Smith documented gains.", ("Jane", "Smith")),
    # Session 20: a person's name in a clinic's name.
    Leak("She was seen by the John Smith Medical Group on 3/3/2016.", ("John", "Smith")),
    Leak("She was seen at Smith Chiropractic on 3/3/2016.", ("Smith",)),
    Leak("She was seen by Ana Ruiz Physical Therapy Clinic on 3/3/2016.", ("Ana", "Ruiz")),
    Leak("She was treated at Lopez Family Chiropractic for 12 visits.", ("Lopez",)),
    Leak("She was evaluated at the Okafor Spine Institute.", ("Okafor",)),
    Leak("She was seen at Smith's Chiropractic in May.", ("Smith",)),
    Leak("She was referred to Nowak Physical Therapy for 8 sessions.", ("Nowak",)),
    Leak("The MRI was performed at Sato Imaging Center on 1/5/2016.", ("Sato",)),
    Leak("She was seen at the Jose Martinez Medical Group.", ("Jose", "Martinez")),
    Leak("She was seen at Modesto Chiropractic, then at Marquez Chiropractic.", ("Marquez",)),
    # Session 20, found by probing: names beside a role in more of the ways records write them.
    Leak("Per the report of Jane Smith, PT, DPT, the patient has improved.", ("Jane", "Smith")),
    Leak("Therapy notes by Lucia Ferreira, OT, were reviewed.", ("Lucia", "Ferreira")),
    Leak("Her translator, Ana Ruiz, was present at the visit.", ("Ana", "Ruiz")),
    Leak("The patient's neighbor, Tom Reyes, witnessed the fall.", ("Tom", "Reyes")),
    Leak("Her boyfriend, Tom Reyes, drives her to therapy.", ("Tom", "Reyes")),
    Leak("Her caregiver, Rosa Diaz, helps with bathing.", ("Rosa", "Diaz")),
    Leak("Her nephew, Luis, interpreted at the visit.", ("Luis",)),
    Leak(
        "According to Jane Smith, the claims adjuster, the claim was accepted.", ("Jane", "Smith")
    ),
    Leak("Tom Reyes, her attorney, objected to the UR decision.", ("Tom", "Reyes")),
    Leak("Carlos Mendez, her husband, drives her to therapy.", ("Carlos", "Mendez")),
    Leak("Jane Smith (adjuster) denied the request.", ("Jane", "Smith")),
    Leak("Submitted by: Jane Smith", ("Jane", "Smith")),
    Leak("Electronically signed by: John Smith, MD on 3/3/2016", ("John", "Smith")),
    Leak("The RFA was submitted by Jane Smith on 3/3/2016.", ("Jane", "Smith")),
    Leak("The request was denied by Wendy Liang on 3/3/2016.", ("Wendy", "Liang")),
    Leak("She was referred to John Smith for a pain management consultation.", ("John", "Smith")),
    Leak("Her daughter's name is Maria.", ("Maria",)),
    Leak("The patient's husband's name is Carlos Mendez.", ("Carlos", "Mendez")),
    Leak("Patient Name: SMITH, JANE", ("SMITH", "JANE")),
)

# What must come out unchanged: the clinical and legal text of a letter.
KEPT: tuple[str, ...] = (
    # Drugs and devices.
    "Norco 10/325 mg #60 is not medically necessary.",
    "Celebrex 200 mg daily was started on 01/12/2016.",
    "Lidoderm 5% patch #30 is requested for neuropathic pain.",
    "A TENS unit rental for 30 days is not supported.",
    "The H-Wave device is not recommended as an isolated intervention.",
    "Flexeril 7.5 mg, Ultram ER 150 mg and Terocin lotion were dispensed.",
    "Gabapentin 600 mg three times daily, with Prilosec 20 mg.",
    "Per the MTUS, Soma is not indicated for longer than 2 to 3 weeks.",
    "Lyrica, PA pending; Norco, DC'd on 3/1/2016.",
    "Medrol Dosepak and Toradol 60 mg IM were given in the ER.",
    # Eponymous tests and signs.
    "Spurling test was positive on the right.",
    "Phalen's and Tinel's signs were positive at the right wrist.",
    "Hoffmann sign and Babinski were negative bilaterally.",
    "McMurray test and Lachman test of the left knee were positive.",
    "Finkelstein's test was positive; Waddell signs were 0/5.",
    "Romberg was negative. Jamar grip strength was 20 kg on the right.",
    "The Oswestry Disability Index score was 42%.",
    "Apley's scratch test was limited; Patrick/FABER test was positive on the left.",
    "Positive Hawkins and Neer impingement signs were documented.",
    "Straight leg raise was positive at 40 degrees; Kemp's test was negative.",
    "The Beck Depression Inventory and the Epworth scale were administered.",
    "A positive Tinel at the cubital tunnel, with a negative Froment sign.",
    # Guidelines and chapters.
    "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, page 308.",
    "Official Disability Guidelines (ODG), Knee & Leg (Acute & Chronic), Hyaluronic acid.",
    "MTUS Chronic Pain Medical Treatment Guidelines (May 2009), page 79 to 80.",
    "CA MTUS Postsurgical Treatment Guidelines, Carpal Tunnel Syndrome, page 15.",
    "The Medical Treatment Utilization Schedule, 8 CCR 9792.24.2, applies.",
    "ODG Treatment in Workers' Compensation, Pain (Chronic), Opioids, criteria for use.",
    "Per the MTUS ACOEM Guidelines, Chapter 8, Neck and Upper Back Complaints.",
    # Body parts, specialties, roles without names.
    "The expert reviewer is Board Certified in Physical Medicine & Rehabilitation.",
    "The reviewer is licensed to practice in California and Nevada.",
    "Diagnoses include lumbar radiculopathy, cervical strain and right carpal tunnel syndrome.",
    "The treating physician, an Orthopedic Surgeon, requested the MRI.",
    "The patient was referred to Pain Management and Physical Therapy.",
    "She was seen by Orthopedic Surgery and then by Internal Medicine.",
    "The QME, Agreed Medical Evaluator, found permanent and stationary status.",
    "The requesting physician, Board Certified in Pain Medicine, noted spasm.",
    "The patient is Hispanic and Spanish-speaking.",
    "The patient's son drives her to appointments.",
    "Her husband, a retired firefighter, assists with dressing.",
    "The patient will continue the home exercise program.",
    "Grant of the request is not supported; hope of improvement is documented.",
    "A Young's modulus analysis was not part of the record.",
    # Texts near the markers the rules read, which name no one.
    "She was seen by Urgent Care on 2/2/2016 and then by Occupational Medicine.",
    "The EMG was performed by Neurology and interpreted by Radiology.",
    "She was evaluated by Pain Management and treated by Physical Therapy.",
    "The report was signed by the Agreed Medical Evaluator on 6/1/2016.",
    "The patient was examined by the requesting physician on 04/04/2016.",
    "Her son, Spanish-speaking, translated at the visit.",
    "His wife helps with Activities of Daily Living.",
    "Her supervisor offered Modified Duty as of 5/1/2016.",
    "The interpreter was present for the Spanish-speaking patient.",
    "The MS Contin dose was reduced to 15 mg.",
    "Telephone consultation on 4/4/2016 lasted 30 minutes.",
    "Fax dated 03/04/2016 from the treating physician was reviewed.",
    "Phone follow up in 2 weeks; cell counts were normal.",
    "The claim is 3 years old; the claim was accepted on 2/2/2014.",
    "Claim number not provided in the records.",
    "She climbs 12 Steps at the clinic and walks 2 Blocks.",
    "The patient was born prematurely and has a history of asthma.",
    "Treatment began on the 3rd of March, 2016 with 6 visits.",
    "Drs. notes dated 3/3/2016 were reviewed.",
    "Mr. and Mrs. are not used in this letter; the patient is a 52 year old female.",
    "Family history: mother Diabetes, father Hypertension.",
    "Her father had Parkinson disease; her mother Alzheimer dementia.",
    "His wife, Medi-Cal eligible, helps with bathing.",
    "Patient: Male",
    "Provider: Physical Therapy",
    "Attn: Claims Department",
    "Attention: Utilization Review",
    "The MRI was done at St. Jude Medical Center.",
    "Her supervisor offered Modified Duty and the interpreter was Spanish-speaking.",
    "The patient's partner drives her; her son works nights.",
    "An RN Case Manager and an LVN Wound Care visit were requested.",
    "Reflexes were 2+ and symmetric; +1 pitting edema; strength 4+/5.",
    "The MD Anderson protocol was not cited; a DPT Aquatic Therapy trial was requested.",
    "Range of motion: flexion +10 to +90 degrees; +2 pulses.",
    # Places as venue.
    "The WCAB in Van Nuys set the case for hearing.",
    "She works in San Bernardino County as a farm worker.",
    "The MRI was performed at an imaging center in Los Angeles.",
    "The Panel QME in Oakland reported on 5/9/2016.",
    "The worker was born in Mexico and moved to Fresno in 1998.",
    # Dates of service and dosages.
    "On 03/14/2016, the patient reported 7/10 pain.",
    "The progress report dated March 3, 2016 documents spasm.",
    "The UR decision of 2016-04-01 modified the request to 6 sessions.",
    "Date of Injury: 10/10/2016. Date of UR Decision: 11/15/2016.",
    "Physical therapy 2 times a week for 4 weeks (8 sessions) of the lumbar spine.",
    "Oxycodone 10 mg every 6 hours as needed, 120 MED.",
    "The claim was accepted for the lumbar spine and the right shoulder.",
    "The claims administrator's UR letter dated 2016-03-01 was reviewed.",
    "Medical records dated 03/04/2016 were reviewed.",
    "Per the Attorney Letter of May 2, 2016, an IMR was requested.",
    "Dr. Reddy's Laboratories manufactures the generic.",
    "The patient is 47 years old; her 70 year old mother was not examined.",
    # Round three: near claim labels, titles in capitals, "seen by" a service.
    "The claim 12 months later was reopened; claim #2 MRI was approved.",
    "The adjuster of April 2016 records wrote that the claim was accepted.",
    "The NURSE VISITS were approved; ATTORNEY FEES are not at issue.",
    "The CASE MANAGER UR DECISION was upheld on 3/3/2016.",
    "THE CLAIMS ADJUSTER DENIED THE REQUEST ON 3/3/2016.",
    "THERAPIST PROGRESS NOTES were reviewed with the CASE MANAGER RN.",
    "She was seen by Kaiser Permanente Medical Group on 1/4/2016.",
    "The EMG was performed by Neurodiagnostic Associates.",
    "She was evaluated by Functional Restoration Program staff.",
    "She was evaluated by Functional Capacity Evaluation on 5/5/2016.",
    "She was seen by Walk In Clinic and by Outpatient Rehab.",
    "She was seen by Ear Nose Throat and treated by Interventional Pain.",
    "She was treated by Cognitive Behavioral Therapy and by Hand Therapy.",
    "She was seen by Pediatric Orthopedics as a child.",
    "The MRI was interpreted by Neuroradiology on 2/2/2016.",
    "A Lopez-type fracture was not described; O-arm imaging was used.",
    "Claim Number: not provided. Policy limits were not discussed.",
    "He reports 3 to 4 hours of sleep; Oswestry 42 of 100.",
    "Lumbar MRI, L4-L5 and L5-S1, showed disc protrusions of 3 mm.",
    "Physical therapy 3 x 4 was modified to 2 x 3.",
    "The Roos test and the Adson maneuver were negative.",
    "Per ACOEM Chapter 12, the Spine Center program is not supported.",
    "She was seen in the Emergency Department of St. Mary Medical Center.",
    "The patient's coworker witnessed the fall; her supervisor was notified.",
    "Her husband, Spanish-speaking, attended the visit.",
    "Dr. Reddy's Laboratories and Sandoz make the generic.",
    "The Functional Restoration Program, 160 hours, is not medically necessary.",
    "Dose: Norco 10/325 mg, 1 tab PO q6h PRN, #120 with 2 refills.",
    "ICD-10 M54.5 and M51.26; CPT 72148 and 97110 were requested.",
    "She was referred to Occupational Medicine and then by Physical Therapy.",
    "The QME Panel Request was filed; a Panel QME in Orthopedic Surgery was assigned.",
    "The Claims Adjuster letter of 2/2/2016 was reviewed.",
    # Session 20: one word in capitals after a title that names no one; all capitals.
    "ATTORNEY FEES are not at issue; the NURSE TRIAGE note was reviewed.",
    "ATTORNEY CORRESPONDENCE dated 3/3/2016 was reviewed.",
    "THERAPIST NOTES were reviewed; ADJUSTER NOTES of 3/3/2016 too.",
    "The NURSE ASSESSMENT of 3/3/2016 was reviewed.",
    "The ATTORNEY REPRESENTATION letter and the ATTORNEY OBJECTION were reviewed.",
    "ATTORNEY BILLING and ATTORNEY REFERRAL are not at issue.",
    "The NURSE EDUCATOR visit, the NURSE VISIT and CHIROPRACTOR VISITS were approved.",
    "COUNSELOR SESSIONS were requested; the ATTORNEY GENERAL was not involved.",
    "The ADJUSTER DENIAL letter and the ATTORNEY INVOLVEMENT were noted.",
    "The ATTORNEY REQUEST of 3/3/2016 and the ADJUSTER RESPONSE were reviewed.",
    "The THERAPIST EVALUATION and the NURSE PRACTITIONER REPORT were reviewed.",
    "The ATTORNEY CLIENT privilege was asserted; ATTORNEY SUBMISSION dated 3/3/2016.",
    "DR. SMITH NOTED SPASM.",
    "MS Contin 15 mg and MS. Contin were listed.",
    "The ÉCOLE protocol was not cited; Ölfaktor testing was not done.",
    "PT, OT, and chiropractic care were requested; the PT, Home Exercise Program continued.",
    "The PT, Aquatic Therapy and Acupuncture were denied.",
    "The request for the PT, Norco, and Lyrica was denied.",
    "The PT, Norco, Lyrica and TENS were denied; the PT, Terocin Lotion, and Norco too.",
    "Her PT, 12 sessions, was completed; the PT Initial Evaluation was reviewed.",
    "The MD, Board Certified in Orthopedic Surgery, requested it.",
    "She was seen at Concentra Medical Center on 2/2/2016.",
    "She was seen at Coastal Orthopedics and then by Pacific Spine Center.",
    "She was treated at Valley Physical Therapy for 12 visits.",
    "She was seen at UCLA Medical Center and at Sutter Health.",
    "She was seen at Golden State Orthopedics and at Bay Area Pain Institute.",
    "She was seen at St. Jude Medical Center and at St Mary Medical Center.",
    "She was seen at Fresno Community Hospital and at Los Angeles Spine Center.",
    "She was treated at San Joaquin Valley Rehabilitation Hospital.",
    "She was seen at Walk In Clinic and at the Spine Center.",
    "She was seen at Fresno on 3/3/2016 and treated at home.",
    "She was referred to Pain Management and to Physical Therapy.",
    "She was seen at Advanced Orthopedic Center and at Premier Pain Management.",
    "PT, OT and chiropractic care were requested; Home Exercise, PT was advised.",
    "Norco, Lyrica, PT and TENS were denied.",
    "Her neighbor drives her; her translator was present.",
    "The Claims Adjuster, the UR physician and the IMR reviewer were notified.",
    "Physical Therapy, the requested service, was denied.",
    "In Summary, the physician noted spasm; the physician, MRI and EMG were reviewed.",
    "The request was submitted by Fax on 3/3/2016 and referred to Pain Management.",
    "The drug's name is not stated; its brand name is Norco.",
    "Patient Name: not provided",
    "She was treated at Integrative Acupuncture and at Aquatic Therapy Center.",
    "She was seen at Interventional Spine Center and at Regenerative Medicine Institute.",
)


class Left(NamedTuple):
    """A leak the rules leave, and why (docs/corpus.md says the same)."""

    text: str
    planted: tuple[str, ...]
    reason: str


LEFT: tuple[Left, ...] = (
    Left(
        "Sam Ortiz's note of 3/3/2016 was reviewed.",
        ("Sam", "Ortiz"),
        "a name the case does not state and nothing marks (no title, credential, role, label)",
    ),
    Left(
        "Her friend maria lopez drove her to the visit.",
        ("maria", "lopez"),
        "a name written in lower case is read as ordinary words",
    ),
    Left(
        "DR. JONES' REPORT WAS REVIEWED; NO MRI WAS ORDERED.",
        ("JONES",),
        "a title in capitals: in text all in capitals a name's end cannot be told",
    ),
    Left(
        'Guadalupe "Lupe" Hernandez-Whitfield reported 5/10 pain.',
        ("Lupe",),
        "a nickname the case does not state",
    ),
    Left(
        "Tarn reported the request; Dr. Okonkwo agreed.",
        ("Tarn",),
        "a misspelling of a name under five letters ('Tran' is not a party here either)",
    ),
    Left(
        "Her husband Jose helps at home.",
        ("Jose",),
        "one word after a relative without a comma: a family history writes a disease so",
    ),
    Left(
        "She picks grapes at Sunrise Farms.",
        ("Sunrise",),
        "a known organization's name in part: organizations are matched whole",
    ),
    Left(
        "ATTORNEY CALL denied the request.",
        ("CALL",),
        "one word in capitals after a title that is a role's heading word ('ATTORNEY CALL')",
    ),
    Left(
        "She was seen at Santa Cruz Chiropractic and at Wong Chiropractic.",
        ("Wong",),
        "a clinic after 'and at' (no verb before 'at'); 'then at' is read",
    ),
    Left(
        "The adjuster, according to the file, is Maria Lopez.",
        ("Maria", "Lopez"),
        "a role further from the name than a verb",
    ),
)
