from django.db import models


class IssuedLetter(models.Model):
    """A Final Determination Letter as issued: frozen. The PDF's SHA-256 lets anyone check
    that a copy is the one issued; corrections are new amended letters (issue 5)."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="letter")
    issued_at = models.DateTimeField()
    issued_by = models.CharField(max_length=150)
    text = models.TextField()
    html = models.TextField(help_text="The letter as an HTML fragment, escaped")
    pdf_path = models.CharField(max_length=500)
    pdf_sha256 = models.CharField(max_length=64)
    case_document = models.JSONField(
        help_text="The openimr.case/1 document the letter was built from"
    )

    class Meta:
        ordering = ("-issued_at",)

    def __str__(self) -> str:
        return f"FDL {self.case_id} {self.pdf_sha256[:12]}"
