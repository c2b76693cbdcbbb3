from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from openimr.accounts.forms import LoginForm
from openimr.api.urls import api
from openimr.cases.status_views import case_status_page
from openimr.core.health import healthz
from openimr.review.start import start

urlpatterns = [
    path("", start, name="start"),
    path("healthz/", healthz, name="healthz"),
    path("status/", case_status_page, name="case_status"),
    path("login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("openimr.accounts.urls")),
    path("cases/", include("openimr.cases.urls")),
    path("reviewers/", include("openimr.reviewers.urls")),
    path("records/", include("openimr.records.urls")),
    path("guidelines/", include("openimr.guidelines.urls")),
    path("review/", include("openimr.review.urls")),
    path("decisions/", include("openimr.decisions.urls")),
    path("audit/", include("openimr.audit.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

# A database that cannot answer is a 503 in words, any other error the 500 page.
handler500 = "openimr.core.unavailable.server_error"
# A request Django refuses before any view (a Host not served, too many fields): the API's
# error shape under /api/, the site's page elsewhere.
handler400 = "openimr.api.middleware.bad_request"
