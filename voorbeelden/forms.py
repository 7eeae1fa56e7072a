from django import forms
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import VersieForm
from opgaven.models import Aandachtspunt, Opgave
from teams.models import Basisteam, Eenheid

from .models import BERICHT_LENGTE, Partner, Voorbeeld

OPMAAK_HINT = _(
    "Separate paragraphs with a blank line and start a list item with “- ”. Links and "
    "emphasis may be HTML (<a>, <em>, <strong>); everything else is removed."
)


# Where the voorbeeld comes from and how far it got: a fieldset here and in the admin.
HERKOMST = ["eenheid", "basisteam", "plaats", "partners", "periode", "status", "onderbouwing"]

# The form's fieldsets, in the order the page shows them.
GROEPEN = [
    (_("The voorbeeld"), ["titel", "samenvatting", "aanleiding", "aanpak", "resultaat", "lessen"]),
    (_("Opgaven"), ["opgaven", "aandachtspunten"]),
    (_("Where, with whom, how far"), HERKOMST),
]


class VoorbeeldForm(VersieForm, forms.ModelForm):
    """What a colleague fills in to share a voorbeeld: problem → approach → result, how well
    it is evidenced, and whom to ask. Editing one carries the version it was read at."""

    class Meta:
        model = Voorbeeld
        fields = [naam for groep in GROEPEN for naam in groep[1]]
        widgets = {
            "samenvatting": forms.Textarea(attrs={"rows": 3}),
            "aanleiding": forms.Textarea(attrs={"rows": 5}),
            "aanpak": forms.Textarea(attrs={"rows": 6}),
            "resultaat": forms.Textarea(attrs={"rows": 5}),
            "lessen": forms.Textarea(attrs={"rows": 5}),
            "opgaven": forms.CheckboxSelectMultiple,
            "aandachtspunten": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "titel": _("Short and recognisable, e.g. “Webcare Twente”."),
            "samenvatting": _("What is it, in two or three sentences? Shown in the list."),
            "aanleiding": format_lazy(
                "{} {}", _("What was the problem or the opportunity?"), OPMAAK_HINT
            ),
            "aanpak": _("What did the team do, with whom?"),
            "resultaat": _("What came of it? Numbers if you have them."),
            "lessen": _("What would you tell a team that wants to do the same?"),
            "opgaven": _("Choose at least one opgave this voorbeeld works on."),
            "aandachtspunten": _("Only aandachtspunten of the opgaven you chose."),
            "basisteam": _("The team where it happens, if it is one team."),
            "partners": _("The partners you work with. Not in the list? Add it below."),
            "onderbouwing": _("Has anyone evaluated it, and how independently?"),
        }

    # A partner that is not in the list yet: created when the voorbeeld is saved.
    nieuwe_partner = forms.CharField(
        label=_("Name of the partner"),
        max_length=Partner._meta.get_field("naam").max_length,
        required=False,
        help_text=_("For example: Gemeente Houten."),
    )
    nieuwe_partner_soort = forms.ChoiceField(
        label=_("Kind of partner"),
        choices=[("", BLANK_CHOICE_LABEL), *Partner.Soort.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opgaven"].required = True
        self.fields["opgaven"].queryset = Opgave.objects.only("nummer", "titel")
        self.fields["aandachtspunten"].queryset = Aandachtspunt.objects.select_related("opgave")
        self.fields["aandachtspunten"].label_from_instance = lambda p: (
            f"{p.opgave.nummer}. {p.tekst}"
        )
        self.fields["eenheid"].queryset = Eenheid.objects.all()
        self.fields["basisteam"].queryset = Basisteam.objects.select_related("eenheid")
        self.fields["partners"].queryset = Partner.objects.all()
        if self.instance.pk:
            self.fields["versie"].initial = self.instance.versie
        else:
            del self.fields["versie"]

    def groepen(self):
        return [(legenda, [self[naam] for naam in namen]) for legenda, namen in GROEPEN]

    def clean(self):
        cleaned = super().clean()
        opgaven = cleaned.get("opgaven") or []
        punten = cleaned.get("aandachtspunten") or []
        vreemd = [p for p in punten if p.opgave not in opgaven]
        if opgaven and vreemd:
            self.add_error(
                "aandachtspunten",
                _("“%(punt)s” belongs to an opgave you did not choose.") % {"punt": vreemd[0]},
            )
        team, eenheid = cleaned.get("basisteam"), cleaned.get("eenheid")
        if team and eenheid and team.eenheid_id != eenheid.pk:
            self.add_error("basisteam", _("This basisteam belongs to another eenheid."))
        if team and not eenheid:
            cleaned["eenheid"] = team.eenheid
        self._clean_nieuwe_partner(cleaned)
        return cleaned

    def _clean_nieuwe_partner(self, cleaned) -> None:
        naam = " ".join(cleaned.get("nieuwe_partner", "").split())
        cleaned["nieuwe_partner"] = naam
        soort = cleaned.get("nieuwe_partner_soort")
        if soort and not naam:
            self.add_error("nieuwe_partner", _("Give the name of the partner."))
        elif naam and not soort and not Partner.objects.filter(naam__iexact=naam).exists():
            self.add_error("nieuwe_partner_soort", _("Choose what kind of partner it is."))

    def nieuwe_partner_velden(self):
        return [self["nieuwe_partner"], self["nieuwe_partner_soort"]]

    def getypte_partner(self) -> Partner | None:
        """The partner typed in, unsaved (the service finds or creates it), or None."""
        naam = self.cleaned_data.get("nieuwe_partner")
        if not naam:
            return None
        return Partner(naam=naam, soort=self.cleaned_data.get("nieuwe_partner_soort", ""))


def herkomst_van(user) -> dict:
    """Where a new voorbeeld of `user` most likely comes from: their team and its eenheid
    if they are in one team; the eenheid if all their teams share it; else nothing."""
    teams = list(Basisteam.objects.van_lid(user).values_list("pk", "eenheid_id").distinct())
    eenheden = {eenheid for _team, eenheid in teams}
    if len(teams) == 1:
        return {"basisteam": teams[0][0], "eenheid": teams[0][1]}
    if len(eenheden) == 1:
        return {"eenheid": eenheden.pop()}
    return {}


class ToepassenForm(forms.Form):
    basisteam = forms.ModelChoiceField(
        queryset=Basisteam.objects.none(), label=_("Our basisteam"), empty_label=None
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["basisteam"].queryset = teams


class BerichtForm(forms.Form):
    """A question under a voorbeeld; `ReactieForm` a reply to one. Only the text: who
    wrote it, where, and whether it is hidden are never taken from the post."""

    tekst = forms.CharField(
        label=_("Your question"),
        max_length=BERICHT_LENGTE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Every logged-in colleague can read it; the contact person gets an e-mail."),
    )


class ReactieForm(BerichtForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = _("Your reply")
        self.fields["tekst"].help_text = ""
        self.fields["tekst"].widget.attrs["rows"] = 3


class VerbergForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason for hiding"),
        max_length=500,
        help_text=_("Kept in the history; colleagues do not see it."),
    )
