from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersieForm

from .models import AgendaPunt, Fase, Opgave


def _onderwerp_keuzes(opgaven: list[Opgave]) -> list:
    """A grouped choice per opgave: the opgave as a whole, then each of its aandachtspunten."""
    keuzes: list = [("", _("Choose an opgave or aandachtspunt"))]
    for opgave in opgaven:
        opties = [(f"opgave-{opgave.pk}", _("%(opgave)s (as a whole)") % {"opgave": opgave})]
        opties += [(f"punt-{punt.pk}", punt.tekst) for punt in opgave.aandachtspunten.all()]
        keuzes.append((str(opgave), opties))
    return keuzes


class AgendaToevoegenForm(forms.Form):
    onderwerp = forms.ChoiceField(
        label=_("Opgave or aandachtspunt"),
        help_text=_("Choose the opgave as a whole or one of its aandachtspunten."),
    )
    fase = forms.ChoiceField(label=_("Stage"), choices=Fase.choices, initial=Fase.VERKENNEN)
    notitie = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("How the team works on it, in a sentence or two."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, team, opgaven: list[Opgave], **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.opgaven = {o.pk: o for o in opgaven}
        self.punten = {p.pk: p for o in opgaven for p in o.aandachtspunten.all()}
        self.fields["onderwerp"].choices = _onderwerp_keuzes(opgaven)

    def clean_onderwerp(self):
        soort, _sep, pk = self.cleaned_data["onderwerp"].partition("-")
        if soort == "opgave" and int(pk) in self.opgaven:
            opgave, punt = self.opgaven[int(pk)], None
        elif soort == "punt" and int(pk) in self.punten:
            punt = self.punten[int(pk)]
            opgave = self.opgaven[punt.opgave_id]
        else:
            raise forms.ValidationError(_("Choose an opgave or aandachtspunt from the list."))
        if AgendaPunt.objects.filter(
            basisteam=self.team, opgave=opgave, aandachtspunt=punt
        ).exists():
            raise forms.ValidationError(_("This is already on the team agenda."))
        return opgave, punt


class AgendaWijzigenForm(VersieForm):
    """One item of the agenda, as read at its `versie`; removing it posts the same form."""

    fase = forms.ChoiceField(label=_("Stage"), choices=Fase.choices)
    notitie = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
