"""An adversarial audit set for the de-identification of free text (issue 6, item 3):
sentences as an IMR reviewer writes a clinical summary or a rationale, with names and
identifiers written in ways the rules may not expect (``LEAKS``); those that must come out
unchanged (``KEPT``: drugs, devices, eponymous tests, guidelines, venues, dates of service)
are in ``bench/deid_audit_kept.py``. ``bench/deid_audit.py`` counts what survives and what
is wrongly removed; the tests in
``openimr/decisions/tests/test_an_audit_set_of_names_and_identifiers_is_removed.py`` hold
the cases the rules now handle, and ``LEFT`` those they do not, with the reason
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
    Leak("Employee: Tran, Jose", ("Tran", "Jose")),
    Leak("Prof. Smith reviewed the films; Professor Jane Doe agreed.", ("Smith", "Jane", "Doe")),
    Leak("Sra. Castillo reported pain; Sr. Lopez drove her.", ("Castillo", "Lopez")),
    Leak("PA Jane Smith saw her on 3/3/2016.", ("Jane", "Smith")),
    Leak("The PR-2 report by Jane Smith documented spasm.", ("Jane", "Smith")),
    Leak("Jane Smith, Claims Adjuster, denied the request.", ("Jane", "Smith")),
    Leak("Signed: Jane Smith, Claims Examiner", ("Jane", "Smith")),
    Leak("She works as a cashier for Valley Foods Market.", ("Valley Foods",)),
    Leak("She worked at Orchard Lane Grocers for 9 years.", ("Orchard Lane",)),
    Leak("Her husband, CARLOS MENDEZ, drives her to therapy.", ("CARLOS", "MENDEZ")),
    Leak("cc: JANE SMITH, TOM REYES", ("JANE", "SMITH", "TOM", "REYES")),
    Leak("A peer-to-peer discussion with Jane Smith was held on 3/3/2016.", ("Jane", "Smith")),
    Leak("I spoke with Jane Smith from the office on 3/3/2016.", ("Jane", "Smith")),
    Leak("The case was discussed with Tom Reyes, the case manager.", ("Tom", "Reyes")),
    Leak(
        "The P.T., Jane Smith, documented gains; the N.P., Lee, agreed.", ("Jane", "Smith", "Lee")
    ),
    Leak("Jane Smith, N.P., refilled the Norco.", ("Jane", "Smith")),
    Leak("She was seen at Smith & Jones Orthopedics on 3/3/2016.", ("Smith", "Jones")),
    Leak("ADJUSTER LOPEZ'S letter was reviewed.", ("LOPEZ",)),
    # Session 20, second round: names in capitals after "seen by".
    Leak("She was seen by JANE SMITH on 3/3/2016.", ("JANE", "SMITH")),
    Leak("Evaluated by MARÍA JOSÉ GARCÍA and by TOM REYES.", ("MARÍA", "GARCÍA", "TOM", "REYES")),
    # A role word starting a sentence, "Per", "the office of".
    Leak("Applicant Jose Tran reported 8/10 pain.", ("Jose", "Tran")),
    Leak("Pain 8/10. Adjuster Maria Lopez denied it.", ("Maria", "Lopez")),
    Leak("Per Jane Smith, the MRI was normal.", ("Jane", "Smith")),
    Leak("As per Tom Reyes' note, she improved.", ("Tom", "Reyes")),
    Leak("A letter from the office of John Smith was received.", ("John", "Smith")),
    Leak("The Law Offices of Jose Tran, LLP wrote on 3/3/2016.", ("Jose", "Tran")),
    # A role's abbreviation and a colon; a relative or a companion with a capital.
    Leak("PT: Jane Smith, 12 visits.", ("Jane", "Smith")),
    Leak("QME: Hana Sato found her permanent and stationary.", ("Hana", "Sato")),
    Leak("Her Husband, John Smith, drives her to therapy.", ("John", "Smith")),
    Leak("Husband: John Smith", ("John", "Smith")),
    Leak("Interpreter: Lucia Ferreira was present.", ("Lucia", "Ferreira")),
    # A clinic listed after another: "and at".
    Leak("She was seen at Santa Cruz Chiropractic and at Wong Chiropractic.", ("Wong",)),
    Leak("Treated at Valley Spine Center, and then at Lee Acupuncture.", ("Lee",)),
    # Session 21: a surname that is also a heading or a common word after a role.
    Leak("ATTORNEY CALL denied the request.", ("CALL",)),
    Leak("APPLICANT ATTORNEY WHITE objected to the UR decision.", ("WHITE",)),
    Leak("Per adjuster BROWN called the office on 3/3/2016.", ("BROWN",)),
    Leak("CASE MANAGER DAY called the office on 3/3/2016.", ("DAY",)),
    Leak("ATTORNEY WHITE'S letter of 3/3/2016 was reviewed.", ("WHITE",)),
    Leak("Attorney Black objected to the UR decision.", ("Black",)),
    Leak("The adjuster Brown denied the request on 3/3/2016.", ("Brown",)),
    Leak("The case manager Case phoned the office.", ("Case",)),
    # Session 21: a blood relative's name after a colon.
    Leak("Daughter: Maria Chen", ("Maria", "Chen")),
    Leak("Son: John Smith, 24, drives her to therapy.", ("John", "Smith")),
    Leak("Emergency contact. Sister: Ana M. Ruiz", ("Ana", "Ruiz")),
    Leak("SON: JOSE TRAN\nMOTHER: DIABETES", ("JOSE", "TRAN")),
    Leak("HUSBAND: CARLOS MENDEZ", ("CARLOS", "MENDEZ")),
    Leak("Brother: Jose Luis Tran interpreted at the visit.", ("Jose", "Luis", "Tran")),
    # Session 21: a clinic named after a person beside one named with a business's word.
    Leak("She was seen at Omega Chiropractic and at Nguyen Acupuncture.", ("Nguyen",)),
    Leak("She was seen at Cornerstone Orthopedics, then at Okafor Spine Institute.", ("Okafor",)),
    # Session 21, found by reading the State's letters: a record's date or "from" before a
    # name, "followed up with", a role's abbreviation in parentheses, a manager.
    Leak(
        "The orthopedic consultation report dated 12-02-2016 by Jane Smith indicates spasm.",
        ("Jane", "Smith"),
    ),
    Leak("The progress report dated 11-11-2016, by Tom Reyes, documented pain.", ("Tom", "Reyes")),
    Leak("The note dated March 3, 2016 by Tom Reyes documented spasm.", ("Tom", "Reyes")),
    Leak("A progress note from Jane Smith dated 11-29-16 was reviewed.", ("Jane", "Smith")),
    Leak("Records from Jane Smith were reviewed.", ("Jane", "Smith")),
    Leak("The applicant followed up with Tom Reyes on 11-29-16.", ("Tom", "Reyes")),
    Leak("The primary treating physician (PTP), Tom Reyes, requested an MRI.", ("Tom", "Reyes")),
    Leak("The agreed medical evaluator (AME), Hana Sato, found her stationary.", ("Hana", "Sato")),
    Leak("She reports that her manager, Dale Brewer, did not accommodate her.", ("Dale", "Brewer")),
    Leak("The foreman, Dale Brewer, witnessed the fall.", ("Dale", "Brewer")),
    Leak("The request was made by Jane Smith on 3/3/2016.", ("Jane", "Smith")),
    Leak("The patient's mother-in-law, Rosa Diaz, watches the children.", ("Rosa", "Diaz")),
    Leak("Her stepfather, Jose Tran, drives her to therapy.", ("Jose", "Tran")),
    Leak("The treating physician's assistant, Jane Doe, noted spasm.", ("Jane", "Doe")),
    # Session 22: left by session 21 (`LEFT`), now handled.
    Leak("Her husband Jose helps at home.", ("Jose",)),
    Leak("Per adjuster BROWN, the claim was accepted.", ("BROWN",)),
    Leak("The panel QME Hana Sato found her permanent and stationary.", ("Hana", "Sato")),
    Leak("The note of Jane Smith dated 3/3/2016 was reviewed.", ("Jane", "Smith")),
    Leak("Daughter: Maria drives her to therapy.", ("Maria",)),
    # Session 22, found by a hunt of the shapes a letter holds.
    Leak("per adjuster Brown, the claim was accepted.", ("Brown",)),
    Leak("She remains under the care of Tom Reyes.", ("Tom", "Reyes")),
    Leak("The report of John Q. Public was reviewed.", ("John", "Public")),
    Leak("The adjuster J. Smith denied the request.", ("Smith",)),
    Leak("The case manager, J. R. Smith, called.", ("Smith",)),
    Leak("Dr. JR Smith noted spasm.", ("Smith",)),
    Leak("NCM Wendy Liang called the office.", ("Wendy", "Liang")),
    Leak("Husband: Carlos accompanied her.", ("Carlos",)),
    Leak("SS# xxx-xx-1234 was on file.", ("1234",)),
    Leak("Social Security number ***-**-1234", ("1234",)),
    Leak("SSN ending 1234.", ("1234",)),
    Leak("Her date of birth is the 3rd of March 1970.", ("March 1970", "3rd")),
    Leak("Born on the third of March, 1970.", ("third of March", "1970")),
    Leak("Pager: 555-0106", ("555-0106",)),
    Leak("Her phone is 555-0107.", ("555-0107",)),
    Leak("phone (559)5550105", ("5550105",)),
    Leak("Email her at jane_o'neil@gmail.com.", ("jane_o", "neil", "gmail")),
    Leak("Patient ID: 8812345", ("8812345",)),
    Leak("WCAB case ADJ9876543 is open.", ("ADJ",)),
    Leak("The employer is at 3000 Industrial Pkwy, Bldg 2, Fresno, CA.", ("Fresno",)),
    Leak("Mail: 2200 E. Mineral King Ave., Visalia CA 93292", ("Visalia",)),
    # Session 22, a second hunt: the words a form or a letter heads a name or number with.
    Leak("Witness: Jane Smith", ("Jane", "Smith")),
    Leak("Emergency contact: Maria Tran (sister).", ("Maria", "Tran")),
    Leak("Spouse's name: Jose Tran", ("Jose", "Tran")),
    Leak("Supervisor Jane Smith stated she fell.", ("Jane", "Smith")),
    Leak("She was interviewed via interpreter Maria Garcia.", ("Maria", "Garcia")),
    Leak("She was accompanied by Jose Tran (husband).", ("Jose", "Tran")),
    Leak("License # A12345; CA license G12345.", ("A12345", "G12345")),
    Leak("NPI 1234567890; DEA # AB1234567", ("1234567890", "AB1234567")),
    Leak("She is a ninety-two year old widow.", ("ninety-two",)),
    Leak("RE: Maria Garcia", ("Maria", "Garcia")),
    Leak("Dear Maria,", ("Maria",)),
    # Session 22, a third hunt: a credential in parentheses, a letter's header, a call.
    Leak("Jane Doe (PA-C) noted spasm.", ("Jane", "Doe")),
    Leak("c/o Jane Smith; Attn Tom Reyes", ("Jane", "Smith", "Tom", "Reyes")),
    Leak("From: Jane Smith", ("Jane", "Smith")),
    Leak("A telephone call with Jane Smith on 3/3/2016.", ("Jane", "Smith")),
    Leak("Case manager Jane Smith's note was reviewed.", ("Jane", "Smith")),
    Leak("The insurer, Zenith Insurance Company, denied it.", ("Zenith",)),
    Leak("She is employed at Acme Trucking.", ("Acme",)),
    # Session 22, what its hunts left: a sign-off, a message, a surname first, initials.
    Leak("Thank you.\nRegards, Jane", ("Jane",)),
    Leak("Sincerely, Jane Smith", ("Jane", "Smith")),
    Leak("The nurse left a message for Jane Smith on 3/3/2016.", ("Jane", "Smith")),
    Leak("Smith, Jane (adjuster) denied the request.", ("Smith", "Jane")),
    Leak("Patient J.S. reported pain; the claimant J. R. S. was seen.", ("J.S.", "J. R. S.")),
    Leak("The employer, Acme Trucking Inc., denied it.", ("Acme", "Inc")),
    # Session 23: what session 22 left, and the LEFT it could close.
    Leak("Per Smith, the patient has improved.", ("Smith",)),
    Leak("per Tran's note, the MRI was normal.", ("Tran",)),
    Leak("Summary, Jane (adjuster) denied the request.", ("Jane",)),
    Leak("The adjuster ACME CLAIMS SERVICES denied the request.", ("ACME", "CLAIMS SERVICES")),
    Leak("The employer, ACME TRUCKING, INC., denied it.", ("ACME", "TRUCKING", "INC")),
    Leak("The adjuster JANE SMITH called the office.", ("JANE", "SMITH")),
    Leak("Patient I.D. 12345 was on file; Member ID 67890.", ("12345", "67890")),
    Leak(
        "Patient ID: 12345; Subscriber ID 55512; Employee I.D. 99887", ("12345", "55512", "99887")
    ),
    Leak("Email jane dot smith at gmail dot com.", ("jane", "smith", "gmail")),
    Leak("Email jane.smith [at] example.com for the records.", ("jane.smith", "example")),
    Leak("Her page is at www dot janesmith dot com.", ("janesmith",)),
    Leak("Thank you.\nRegards, Jane and the team", ("Jane",)),
    Leak("Sam Ortiz's note of 3/3/2016 was reviewed.", ("Sam", "Ortiz")),
    Leak('Guadalupe "Lupe" Hernandez-Whitfield reported 5/10 pain.', ("Lupe",)),
    Leak("The adjuster, according to the file, is Maria Lopez.", ("Maria", "Lopez")),
    # Session 23, deid23b: what deid23 found and left.
    Leak("Email jane.smith at example.com for the records.", ("jane.smith", "example")),
    Leak("Insured ID: 12345 was on the form; Insured I.D. 67890.", ("12345", "67890")),
    Leak("J. Smith's note of 3/3/2016 was reviewed.", ("Smith",)),
    # Session 24, deid24: web addresses written whole, a one-word mailbox with a plain "at",
    # capitals after a clinician's role, an employer in small letters, a known employer
    # shortened (a LEFT closed).
    Leak("Her attorney's site is www.smithlaw.com for the records.", ("smithlaw",)),
    Leak("See smithlaw.com/contact and http://janesmithlaw.com.", ("smithlaw", "janesmithlaw")),
    Leak("Email jsmith at example.com for the records.", ("jsmith", "example")),
    Leak("The treating physician JOHN SMITH requested an MRI.", ("JOHN", "SMITH")),
    Leak("PTP DR. JANE DOE requested EMG/NCV of the LUMBAR SPINE.", ("JANE", "DOE")),
    Leak(
        "The PTP JANE DOE noted it; the surgeon, ALAN REYES, agreed.",
        ("JANE", "DOE", "ALAN", "REYES"),
    ),
    Leak("She works at amazon.com as a picker.", ("amazon",)),
    Leak("She works at acme warehouse as a picker.", ("acme",)),
    Leak("He is employed by valley orchard packing since 2010.", ("valley", "orchard")),
    Leak("Exhibit A. Jane Smith's deposition was reviewed.", ("Jane", "Smith")),
    Leak("She picks grapes at Sunrise Farms.", ("Sunrise",)),
    # Session 24, deid24b: a possessive in small letters after capitals following a role, an
    # employer in small letters after "the" or a chain's two words, a known employer's first
    # word with a business's word and a nickname after a known name (two LEFT closed).
    Leak("The treating physician JOHN SMITH's note was reviewed.", ("JOHN", "SMITH")),
    Leak(
        "The PTP JANE DOE's report and the adjuster ALAN REYES's letter were read.",
        ("JANE", "DOE", "ALAN", "REYES"),
    ),
    Leak("She works at the acme warehouse as a picker.", ("acme",)),
    Leak("He works at home depot as a cashier.", ("depot",)),
    Leak("She works at taco bell; he works at the whole foods.", ("taco", "bell", "foods")),
    Leak("She picks grapes at Sunrise Acres.", ("Sunrise",)),
    Leak("Guadalupe, called Lupe, reported 5/10 pain.", ("Lupe",)),
    Leak(
        "Guadalupe goes by Lupe at work; Hernandez-Whitfield (aka Lupita) agreed.",
        ("Lupe", "Lupita"),
    ),
    # Session 25, deid25: what session 24 left (`LEFT`).
    Leak("DR. JONES' REPORT WAS REVIEWED; NO MRI WAS ORDERED.", ("JONES",)),
    Leak("PER DR. JOHN O'NEIL'S NOTE, NO MRI WAS ORDERED.", ("JOHN", "O'NEIL")),
    Leak("Sam Ortiz saw her on 3/3/2016.", ("Sam", "Ortiz")),
    Leak("Tarn reported the request; Dr. Okonkwo agreed.", ("Tarn",)),
    Leak("She improved. Ana Ruiz examined her; Novak denied it.", ("Ana", "Ruiz", "Novak")),
    Leak(
        "The adjuster assigned in March after the transfer of the file is Maria Lopez.",
        ("Maria", "Lopez"),
    ),
    Leak("Her claims adjuster handling the file was Lopez.", ("Lopez",)),
    Leak("Her friend maria lopez drove her to the visit.", ("maria", "lopez")),
    Leak("His wife ana ruiz helps at home.", ("ana", "ruiz")),
    # Session 26, deid26: what session 25 left (`LEFT`), a title's name in capitals that a
    # kept sentence held ("DR. SMITH NOTED SPASM.", kept while where the name ends could not
    # be told), sentences opened by a word of time, and surnames ending in "-ing".
    Leak("On 3/3/2016 Sam Ortiz saw her.", ("Sam", "Ortiz")),
    Leak("She improved. Ana Ruiz recommended PT.", ("Ana", "Ruiz")),
    Leak("The examiner assigned in March is Maria Lopez's supervisor.", ("Maria", "Lopez")),
    Leak("Her friend maria drove her to the visit.", ("maria",)),
    Leak("DR. JONES REVIEWED THE REPORT; NO MRI WAS ORDERED.", ("JONES",)),
    Leak("She was seen at the Carson Lee Medical Group.", ("Carson", "Lee")),
    Leak("DR. SMITH NOTED SPASM.", ("SMITH",)),
    Leak("On March 3, 2016, Novak denied it; in 2016 Tarn wrote to her.", ("Novak", "Tarn")),
    Leak("Later, Sam Ortiz saw her. Yesterday Ana Ruiz examined her.", ("Sam", "Ortiz", "Ana")),
    Leak("Fleming saw her; Jennings stated the MRI was normal.", ("Fleming", "Jennings")),
    Leak("Amy Manning wrote the report. King saw her.", ("Amy", "Manning", "King")),
    Leak("The adjuster handling the file is Tom Reyes' assistant.", ("Tom", "Reyes")),
    Leak("DR. JOHN SMITH SAW HER; CLAIMS ADJUSTER MARIA LOPEZ DENIED IT.", ("JOHN", "MARIA")),
    Leak("She was seen at Tracy Nguyen Chiropractic.", ("Tracy", "Nguyen")),
)


class Left(NamedTuple):
    """A leak the rules leave, and why (docs/corpus.md says the same)."""

    text: str
    planted: tuple[str, ...]
    reason: str


LEFT: tuple[Left, ...] = (
    Left(
        "Fleming reported the request.",
        ("Fleming",),
        "a word ending in '-ing' before a verb a note also writes after a test ('Imaging"
        " noted a tear', 'Testing reported'): read as a surname only before 'saw', 'stated',"
        " 'agreed', 'wrote', 'opined', 'explained'",
    ),
    Left(
        "DR. SMITH AND DR. LEE REVIEWED THE MRI.",
        ("SMITH",),
        "a name in capitals before 'AND', in text all in capitals: where it ends cannot be told",
    ),
    Left(
        "On 3/3/2016 at the clinic Sam Ortiz saw her.",
        ("Sam", "Ortiz"),
        "a sentence's opening longer than a date or a word of time before a name nothing marks",
    ),
    Left(
        "She was seen at the Lincoln Lee Medical Group.",
        ("Lincoln", "Lee"),
        "a clinic whose first word is a place's and a surname's ('Lincoln'), not a given name's:"
        " the case's names decide",
    ),
    Left(
        "Her coworker jose witnessed the fall.",
        ("jose",),
        "a name in small letters before a verb not of a relative's acts",
    ),
)
