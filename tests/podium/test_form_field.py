"""The one form-field wrapper: label, hint and errors, tied to the input for screen readers."""

from django import forms
from django.template import Context, Template


class VoorbeeldForm(forms.Form):
    titel = forms.CharField(label="Titel", help_text="Kort en herkenbaar.")
    toelichting = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea)


def render(form) -> str:
    return Template(
        '{% include "includes/error_summary.html" %}{% for f in form %}{% field f %}{% endfor %}'
    ).render(Context({"form": form}))


def test_label_hint_and_optional_marker():
    html = render(VoorbeeldForm())
    assert '<label class="form-field__label" for="id_titel">Titel</label>' in html
    assert '<div class="form-field__hint" id="id_titel_helptext">Kort en herkenbaar.</div>' in html
    assert 'aria-describedby="id_titel_helptext"' in html
    assert "(niet verplicht)" in html
    assert "error-summary" not in html


def test_errors_are_summarised_and_described_and_the_input_is_kept():
    form = VoorbeeldForm(data={"titel": "", "toelichting": "Wat ik al typte"})
    assert not form.is_valid()
    html = render(form)
    assert "Er is een probleem" in html
    assert '<a href="#id_titel">Titel: Dit veld is verplicht.</a>' in html
    assert 'id="id_titel_error"' in html
    assert 'aria-describedby="id_titel_helptext id_titel_error"' in html
    assert 'aria-invalid="true"' in html
    assert "Wat ik al typte</textarea>" in html
