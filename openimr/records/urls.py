from django.urls import path

from openimr.records import views

app_name = "records"
urlpatterns = [
    path("<str:case_number>/", views.case_file, name="case_file"),
    path("<str:case_number>/upload/", views.record_upload, name="upload"),
    path("<str:case_number>/<int:record_id>/", views.record_detail, name="record"),
    path("<str:case_number>/<int:record_id>/edit/", views.record_edit, name="edit"),
    path("<str:case_number>/<int:record_id>/extract/", views.record_extract, name="extract"),
    path("<str:case_number>/<int:record_id>/file.pdf", views.record_file, name="file"),
]
