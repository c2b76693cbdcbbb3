"""Where each user starts: intake staff (and the administrator) at the case list, a reviewer
at their assigned cases, a QA physician at the determinations waiting for QA. Reviewers and
QA physicians do not work intake, so sending them to the case list showed them a 404."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect

from openimr.core.access import user_works_intake
from openimr.review.selectors import QA, REVIEWER, user_has_role


@login_required
def start(request: HttpRequest) -> HttpResponseRedirect:
    user = request.user
    if user_works_intake(user):
        return redirect("cases:list")
    if user_has_role(user, REVIEWER):
        return redirect("review:home")
    if user_has_role(user, QA):
        return redirect("review:qa_home")
    raise Http404("No such page")
