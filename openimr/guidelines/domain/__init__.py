"""Pure rules about medical evidence: no Django, only the standard library and openimr.core."""
