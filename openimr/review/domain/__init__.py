"""Pure rules of the reviewer's workspace, QA and issuance: no Django, only the standard library
and openimr.core."""
