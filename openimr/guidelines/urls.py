from django.urls import path

from openimr.guidelines import views

app_name = "guidelines"
urlpatterns = [path("", views.catalog, name="catalog")]
