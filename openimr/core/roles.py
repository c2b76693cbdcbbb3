"""The roles' names, without Django: the pure rules that look at an account's roles
(openimr.reviewers.domain.account) read them here, and openimr.core.access, the one place
that says which pages each role opens, from here too."""

INTAKE, REVIEWER, QA = "intake", "reviewer", "qa"
ROLES = (INTAKE, REVIEWER, QA)

# The roles that open the staff pages. A case manager works intake; a new staff role joins
# here and every staff page follows.
STAFF_ROLES = frozenset({INTAKE})
