"""What the review keeps beside the case: where each sentence of the summary and of each
rationale comes from (issue 5, provenance), and the QA physician's comments. The texts
themselves live on the case, which the letter is built from."""

from django.db import models


class Determination(models.Model):
    """The provenance of one case's determination. ``summary_sources`` and each list of
    ``rationale_sources`` (keyed by item position) hold sentences as
    ``{"text", "sources": [{"document_id", "page"}]}``; ``draft`` is the summary as drafted
    from the records, whose sources a reviewer's edit keeps. ``summary_input`` and
    ``rationale_inputs`` are the texts as the reviewer wrote them, page markers included,
    so the editor shows them again as written."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="determination"
    )
    draft = models.JSONField(default=list, blank=True)
    summary_input = models.TextField(blank=True, default="")
    rationale_inputs = models.JSONField(default=dict, blank=True)
    summary_sources = models.JSONField(default=list, blank=True)
    rationale_sources = models.JSONField(default=dict, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    returns = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Determination of case {self.case_id}"


class QAComment(models.Model):
    """One QA decision on a submitted determination: returned with comments, or approved."""

    RETURNED, APPROVED = "returned", "approved"
    determination = models.ForeignKey(
        Determination, on_delete=models.CASCADE, related_name="comments"
    )
    at = models.DateTimeField()
    author = models.CharField(max_length=150)
    outcome = models.CharField(
        max_length=10, choices=[(RETURNED, "Returned to the reviewer"), (APPROVED, "Approved")]
    )
    text = models.TextField(blank=True, default="")

    class Meta:
        ordering = ("determination", "at", "id")

    def __str__(self) -> str:
        return f"{self.outcome} {self.at:%Y-%m-%d}"
