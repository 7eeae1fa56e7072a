from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersieForm

from .models import Basisteam, Cluster, Lidmaatschap, User


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


class LedenKeuze(forms.ModelMultipleChoiceField):
    """The team's members as checkboxes; one in another cluster says so, since choosing
    them moves them here."""

    def __init__(self, *args, **kwargs):
        super().__init__(Lidmaatschap.objects.none(), *args, **kwargs)
        self.cluster = None

    def label_from_instance(self, lid: Lidmaatschap) -> str:
        naam = lid.user.get_full_name()
        if lid.cluster_id and lid.cluster_id != getattr(self.cluster, "pk", None):
            return _("%(naam)s (now in cluster %(cluster)s)") % {
                "naam": naam,
                "cluster": lid.cluster.naam,
            }
        return naam


class ClusterForm(forms.Form):
    """A cluster of the team: its name, its wijken and its members."""

    naam = forms.CharField(label=_("Name"), max_length=150)
    wijken = forms.CharField(
        label=_("Neighbourhoods"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One neighbourhood per line."),
    )
    leden = LedenKeuze(
        label=_("Members"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A member is in one cluster at a time: choosing one moves them here."),
    )

    def __init__(self, *args, team: Basisteam, cluster: Cluster | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.team, self.cluster = team, cluster
        self.fields["leden"].queryset = team.lidmaatschappen.select_related(
            "user", "cluster"
        ).order_by("user__naam", "user__email")
        self.fields["leden"].cluster = cluster

    def clean_naam(self) -> str:
        naam = self.cleaned_data["naam"]
        andere = self.team.clusters.exclude(pk=getattr(self.cluster, "pk", None))
        if andere.filter(naam=naam).exists():
            raise forms.ValidationError(_("The team already has a cluster with this name."))
        return naam

    def clean_wijken(self) -> str:
        # One per line, as typed, without empty lines or the CRLF a textarea posts: the
        # same list saved again is no change.
        return "\n".join(w.strip() for w in self.cleaned_data["wijken"].splitlines() if w.strip())


class ClusterBewerkenForm(VersieForm, ClusterForm):
    field_order = ["naam", "wijken", "leden"]


class MeldingenForm(forms.ModelForm):
    """Which e-mails a colleague gets. One so far; a later issue brings the rest."""

    class Meta:
        model = User
        fields = ["mail_over_vragen"]
        labels = {"mail_over_vragen": _("E-mail me when a colleague asks a question")}
        help_texts = {
            "mail_over_vragen": _(
                "About a voorbeeld of which you are the contact person (or the author, "
                "when it names no contact person)."
            )
        }
