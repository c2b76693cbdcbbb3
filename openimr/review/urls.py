from django.urls import path

from openimr.review import mail_views, outbox_views, qa_views, views, withdraw_views

app_name = "review"
urlpatterns = [
    path("", views.home, name="home"),
    path("print-queue/", mail_views.print_queue, name="print_queue"),
    path(
        "print-queue/<int:service_id>/letter.pdf",
        mail_views.queued_letter,
        name="print_queue_letter",
    ),
    path(
        "print-queue/<int:service_id>/notice.pdf",
        mail_views.queued_notice,
        name="print_queue_notice",
    ),
    path(
        "print-queue/<int:service_id>/address/",
        mail_views.enter_address,
        name="print_queue_address",
    ),
    path("print-queue/<int:service_id>/printed/", mail_views.mark_printed, name="mark_printed"),
    path("services/<int:service_id>/send-again/", mail_views.send_again, name="send_again"),
    path("outbox/", outbox_views.outbox, name="outbox"),
    path("outbox/<str:name>/", outbox_views.outbox_read, name="outbox_read"),
    path("withdraw/<int:assignment_id>/", withdraw_views.withdraw, name="withdraw"),
    path("qa/", qa_views.qa_home, name="qa_home"),
    path("qa/<case:case_number>/", qa_views.qa_case, name="qa_case"),
    path("qa/<case:case_number>/letter.pdf", qa_views.qa_letter_pdf, name="qa_letter_pdf"),
    path("qa/<case:case_number>/amend/", qa_views.amend, name="amend"),
    path(
        "qa/<case:case_number>/amended/<int:number>.pdf",
        qa_views.amended_pdf,
        name="amended_pdf",
    ),
    path("<case:case_number>/", views.workspace, name="case"),
    path("<case:case_number>/records/<str:record_id>/", views.record, name="record"),
    path(
        "<case:case_number>/records/<str:record_id>/file.pdf",
        views.record_file,
        name="record_file",
    ),
]
