"""The data of `bench/load.py`, built in its own process before the server starts: N cases
through the real intake and case services (`openimr simulate`'s year), M published
decisions through the search benchmark's bulk loader (bench/search_load.py), and the
people the traffic logs in as: an intake clerk and a reviewer with confirmed TOTP devices,
and a claims administrator's API token.

Run by bench/load.py as `python -m bench.load_data OUT.json --cases N --decisions M`, with
the server's environment (its OPENIMR_DATA_DIR or DATABASE_URL); writes what the driver
needs to OUT.json: credentials, TOTP keys, case numbers, search queries, an API body.
"""

import argparse
import base64
import io
import json
import random
import secrets
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

APPLICATION = ROOT / "tests" / "data" / "application.json"
PASSWORD = "load-bench-" + secrets.token_urlsafe(12)
# The reviewer's caseload: the workspace requests go round these (an IMR reviewer has tens
# of open cases, not thousands; more would only make the one query's index bigger).
WORKSPACE_CASES = 200


def _step(label: str, started: float) -> float:
    now = time.perf_counter()
    print(f"  {label}: {now - started:,.1f} s", file=sys.stderr, flush=True)
    return now


def _cases(count: int, seed: int) -> dict[str, Any]:
    from openimr.cases.simulation import simulate  # noqa: PLC0415

    return simulate(applications=count, seed=seed, progress=True)


def _decisions(count: int, seed: int, query_count: int) -> list[dict[str, str]]:
    """Loads the corpus and returns the search benchmark's query mix over its words."""
    from bench.search import _cases as generated  # noqa: PLC0415 (the same generator walk)
    from bench.search import queries  # noqa: PLC0415
    from bench.search_load import load  # noqa: PLC0415

    sample: list[dict[str, Any]] = []
    load(generated(count, seed, sample))
    return queries(sample, query_count, seed)


def _person(username: str, role: str, **flags: Any) -> tuple[Any, str]:
    """A user in ``role`` with a confirmed authenticator; returns (user, TOTP key in hex)."""
    from django.contrib.auth.models import Group, User  # noqa: PLC0415
    from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: PLC0415

    user = User.objects.create_user(username, password=PASSWORD, **flags)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    device = TOTPDevice.objects.create(user=user, name="load phone", confirmed=True)
    return user, device.key


def _caseload(user: Any, rng: random.Random) -> list[str]:
    """Attested assignments of a new reviewer to WORKSPACE_CASES eligible cases."""
    from openimr.cases.models import Case  # noqa: PLC0415
    from openimr.reviewers.models import Assignment, License, Reviewer  # noqa: PLC0415

    reviewer = Reviewer.objects.create(
        reviewer_id="R-LOAD", name="Load Reviewer", user=user, years_in_practice=12,
        weekly_hours=40,
    )  # fmt: skip
    License.objects.create(reviewer=reviewer, state="CA", number="A 424242")
    eligible = list(
        Case.objects.exclude(state="ineligible").values_list("id", "case_number")[:20_000]
    )
    chosen = rng.sample(eligible, min(WORKSPACE_CASES, len(eligible)))
    at = datetime.now(UTC)
    Assignment.objects.bulk_create(
        Assignment(case_id=pk, reviewer=reviewer, status=Assignment.ATTESTED, assigned_at=at,
                   assigned_by="load", attested_at=at)
        for pk, _ in chosen
    )  # fmt: skip
    return [number for _, number in chosen]


def _application_body() -> dict[str, Any]:
    """The test suite's eligible application, dated as if its UR decision came ten days
    ago, with a one-page UR decision PDF (the intake path checks it in its sandbox)."""
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    body = json.loads(APPLICATION.read_text(encoding="utf-8"))
    today = date.today()
    body["date_of_injury"] = (today - timedelta(days=200)).isoformat()
    body["ur_decision"]["date"] = (today - timedelta(days=10)).isoformat()
    body["signature"]["date"] = (today - timedelta(days=1)).isoformat()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.drawString(72, 720, "Utilization Review Determination: MRI right knee not certified.")
    page.save()
    body["ur_decision_document"] = {
        "filename": "ur.pdf",
        "content_base64": base64.b64encode(buffer.getvalue()).decode(),
    }
    return body


def _people(rng: random.Random) -> dict[str, Any]:
    from openimr.api.services import token_create  # noqa: PLC0415

    _, staff_key = _person("load-clerk", "intake", is_staff=True)
    reviewer, reviewer_key = _person("load-reviewer", "reviewer")
    from django.contrib.auth.models import User  # noqa: PLC0415

    User.objects.create_user("load-portal", is_staff=True)
    return {
        "password": PASSWORD,
        "staff": {"username": "load-clerk", "totp_key": staff_key},
        "reviewer": {"username": "load-reviewer", "totp_key": reviewer_key},
        "workspace_cases": _caseload(reviewer, rng),
        "api_token": token_create(name="load-portal", username="load-portal"),
    }


def build(*, cases: int, decisions: int, seed: int, queries: int) -> dict[str, Any]:
    from django.core.management import call_command  # noqa: PLC0415

    from openimr.cases.models import Case  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    mark = _step("migrate and collectstatic", started)
    report = _cases(cases, seed)
    mark = _step(f"{cases:,} cases (openimr simulate's year, real services)", mark)
    mix = _decisions(decisions, seed, queries)
    mark = _step(f"{decisions:,} decisions (generated, loaded and indexed)", mark)
    rng = random.Random(seed)
    numbers = list(Case.objects.values_list("case_number", flat=True))
    out = {
        "cases": cases,
        "decisions": decisions,
        **_people(rng),
        "case_numbers": rng.sample(numbers, min(5_000, len(numbers))),
        "search_queries": mix,
        "application": _application_body(),
        "simulated": {k: report[k] for k in ("applications", "seconds")},
    }
    _step("people, devices, token, caseload", mark)
    out["load_seconds"] = round(time.perf_counter() - started, 1)
    return out


def reuse(out: Path) -> dict[str, Any]:
    """A kept build (bench/load.py --data): migrations newer than the build are applied and
    the static files collected again; the people, keys and token are the build's."""
    from django.core.management import call_command  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    _step("reused data: migrate and collectstatic", started)
    return {**json.loads(out.read_text(encoding="utf-8")), "reused": True}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int)
    parser.add_argument("--decisions", type=int)
    parser.add_argument("--reuse", action="store_true", help="OUT exists: migrate, reuse it")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--queries", type=int, default=2_000)
    args = parser.parse_args(argv)
    import django  # noqa: PLC0415

    django.setup()
    if args.reuse:
        out = reuse(args.out)
    elif args.cases is None or args.decisions is None:
        parser.error("--cases and --decisions are required to build")
    else:
        out = build(cases=args.cases, decisions=args.decisions, seed=args.seed,
                    queries=args.queries)  # fmt: skip
    # Written to a side file first: a build stopped half-way leaves no load-data.json.
    partial = args.out.with_suffix(".partial")
    partial.write_text(json.dumps(out), encoding="utf-8")
    partial.replace(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
