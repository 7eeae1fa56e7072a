from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersieForm

from .models import Basisteam


class SignupForm(forms.Form):
    """The extra field allauth's sign-up asks for: the colleague's name."""

    naam = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("Your first and last name, as your colleagues know you."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["naam"]

    def signup(self, request, user) -> None:
        user.naam = self.cleaned_data["naam"]
        user.save(update_fields=["naam"])


class ContextForm(VersieForm, forms.ModelForm):
    """What the teamchef tells about the team's area. Numbers and membership are kept by a
    beheerder or an import, so they are not in this form."""

    class Meta:
        model = Basisteam
        fields = list(Basisteam.CONTEXT_VELDEN)
        widgets = {veld: forms.Textarea(attrs={"rows": 5}) for veld in Basisteam.CONTEXT_VELDEN}
        help_texts = {
            "bevolkingssamenstelling": _("Who lives and works in the area?"),
            "economische_omstandigheden": _("Work, income, businesses, housing."),
            "criminogene_factoren": _("What makes crime likely here?"),
            "overlast": _("What nuisance do residents and businesses experience?"),
            "veiligheidsgevoelens": _("How safe do people feel, and where not?"),
        }
