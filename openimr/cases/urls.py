from django.urls import path

from openimr.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("<str:case_number>/", views.case_detail, name="detail"),
    path("<str:case_number>/letter/", views.case_letter, name="letter"),
    path("<str:case_number>/letter.pdf", views.case_letter_pdf, name="letter_pdf"),
]
