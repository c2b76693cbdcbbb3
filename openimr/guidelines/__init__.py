"""The guideline catalog, the evidence hierarchy and criteria checklists (docs/guidelines.md)."""
