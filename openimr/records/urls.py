from django.urls import path

from openimr.records import views

app_name = "records"
urlpatterns = [
    path("<case:case_number>/", views.case_file, name="case_file"),
    path("<case:case_number>/upload/", views.record_upload, name="upload"),
    path("<case:case_number>/<int:record_id>/", views.record_detail, name="record"),
    path("<case:case_number>/<int:record_id>/edit/", views.record_edit, name="edit"),
    path("<case:case_number>/<int:record_id>/extract/", views.record_extract, name="extract"),
    path("<case:case_number>/<int:record_id>/file.pdf", views.record_file, name="file"),
    path(
        "<case:case_number>/<int:record_id>/original.pdf",
        views.record_original,
        name="original",
    ),
]
