from django.urls import path

from openimr.reviewers import views

app_name = "reviewers"
urlpatterns = [
    path("", views.panel, name="panel"),
    path("import/", views.panel_import, name="import"),
    path("assign/<case:case_number>/", views.case_assign, name="assign"),
    path("attest/<int:assignment_id>/", views.attest, name="attest"),
]
