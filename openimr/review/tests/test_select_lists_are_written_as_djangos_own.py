"""The workspace's select lists (the decision, the guideline catalog, the checklist facts)
are written in Python for speed: markup for markup what Django's widget templates write,
every label and value escaped."""

import pytest
from django import forms

from openimr.review import widgets

CHOICES = [
    ("MTUS", [("a", "ACOEM & <Low Back>"), ("b", 'Chronic "pain"')]),
    ("", [("c", "Other")]),
    ("d<", "Odd value"),
]
PAIRS = [(forms.Select, widgets.Select), (forms.SelectMultiple, widgets.SelectMultiple)]


@pytest.mark.parametrize(("django_widget", "ours"), PAIRS)
@pytest.mark.parametrize("value", [None, "", "a", ["a", "c"], ["d<"]])
@pytest.mark.parametrize("attrs", [{"size": 8}, {"required": True, "disabled": False}])
def test_a_select_list_reads_exactly_as_djangos(django_widget, ours, value, attrs):
    expected = django_widget(attrs=attrs, choices=CHOICES).render("basis", value, {"id": "id_b"})
    assert ours(attrs=attrs, choices=CHOICES).render("basis", value, {"id": "id_b"}) == expected


def test_labels_and_values_are_escaped():
    html = widgets.Select(choices=[('"><script>', "<b>bold</b>")]).render("x", None)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and 'value="&quot;&gt;&lt;script&gt;"' in html
