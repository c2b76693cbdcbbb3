from django.urls import path

from openimr.audit import views

app_name = "audit"
urlpatterns = [
    path("cases/<case:case_number>/trail.<str:fmt>", views.case_trail, name="case_trail"),
]
