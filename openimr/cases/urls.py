from django.urls import path

from openimr.cases import information_views, intake_views, report_views, views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", intake_views.application_new, name="application_new"),
    path("queue/", intake_views.work_queue, name="queue"),
    path("timeliness/", report_views.timeliness, name="timeliness"),
    path("<case:case_number>/timeline/", intake_views.case_timeline, name="timeline"),
    path("<case:case_number>/action/", intake_views.case_action, name="action"),
    path(
        "<case:case_number>/information/request/",
        information_views.information_request,
        name="information_request",
    ),
    path(
        "<case:case_number>/information/received/",
        information_views.information_received,
        name="information_received",
    ),
    path("<case:case_number>/claim-number/", information_views.claim_number, name="claim_number"),
    path("<case:case_number>/notice.pdf", intake_views.notice_pdf, name="notice_pdf"),
    path("<case:case_number>/", views.case_detail, name="detail"),
    path("<case:case_number>/letter/", views.case_letter, name="letter"),
    path("<case:case_number>/letter.pdf", views.case_letter_pdf, name="letter_pdf"),
    path("<case:case_number>/amended/<int:number>.pdf", views.case_amended_pdf, name="amended_pdf"),
]
