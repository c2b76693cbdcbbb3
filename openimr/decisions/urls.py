from django.urls import path, re_path

from openimr.decisions import analytics_views, staff_views, views

app_name = "decisions"
# The letter page's <case_number> matches any word, so it comes last: a fixed path added
# here (failures/, analytics/, export...) must stay above it.
urlpatterns: list = [
    path("", views.search_page, name="search"),
    path("analytics/", analytics_views.analytics_page, name="analytics"),
    path("failures/", staff_views.failures, name="failures"),
    path("analytics/<slug:chart>.csv", analytics_views.analytics_csv, name="analytics_csv"),
    re_path(r"^export\.(?P<fmt>csv|jsonl|parquet)$", views.export_corpus, name="export"),
    path("<str:case_number>/letter.pdf", views.letter_pdf, name="letter_pdf"),
    path("<str:case_number>/", views.decision_page, name="decision"),
]
