"""Forms of the gesprekken pages. Choices that point at other records (gespreksleider, opgave)
are built from lists the view loaded for this team, so an id of another team, or one that
does not exist, is a form error and never reaches the database."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersieForm
from opgaven.models import Gespreksleidraad, Opgave
from teams.models import User

from .models import AfspraakStatus, Status, Zichtbaarheid
from .services import OPVOLG_VELDEN


class DatumInput(forms.DateInput):
    """The browser's date picker; the value travels as YYYY-MM-DD, whatever the locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class Tekstvak(forms.CharField):
    """A textarea of `rijen` rows. Textareas post CRLF line ends; it keeps LF, so a text
    saved unchanged stays unchanged."""

    def __init__(self, *, rijen: int, **kwargs):
        super().__init__(widget=forms.Textarea(attrs={"rows": rijen}), **kwargs)

    def to_python(self, value) -> str:
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")

    def has_changed(self, initial, data) -> bool:
        # A text saved before with CRLF is unchanged when posted back as it was.
        return super().has_changed(self.to_python(initial), data)


class KeuzeUitLijst(forms.TypedChoiceField):
    """A choice among records the view already loaded: the value is the record, looked up in
    that list, so rendering many forms costs no query and a foreign id is refused."""

    def __init__(self, *, objecten=(), leeg_label="", **kwargs):
        super().__init__(coerce=int, empty_value=None, **kwargs)
        self.objecten = {}
        self.leeg_label = leeg_label
        self.zet_objecten(objecten)

    def zet_objecten(self, objecten) -> None:
        self.objecten = {obj.pk: obj for obj in objecten}
        self.choices = [("", self.leeg_label)] + [(pk, str(o)) for pk, o in self.objecten.items()]

    def clean(self, value):
        pk = super().clean(value)
        return None if pk is None else self.objecten[pk]


class GesprekForm(forms.Form):
    titel = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example: Teamgesprek over de interne opgaven, voorjaar."),
    )
    datum = forms.DateField(label=_("Date"), widget=DatumInput)
    leidraad = forms.ModelChoiceField(
        label=_("Conversation guide"),
        queryset=Gespreksleidraad.objects.all(),
        empty_label=_("Choose a conversation guide"),
        help_text=_("The questions of the gesprek. Only questions in use are offered."),
    )
    opgaven = forms.ModelMultipleChoiceField(
        label=_("Opgaven discussed"),
        queryset=Opgave.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    gespreksleider = KeuzeUitLijst(
        label=_("Conversation leader"),
        required=False,
        leeg_label=_("Nobody yet"),
        help_text=_("A member of the team; they may record the answers and afspraken."),
    )
    deelnemers = Tekstvak(
        label=_("Participants"),
        required=False,
        rijen=3,
        help_text=_("Roles and organisations, e.g. wijkagenten, gemeente, woningcorporatie."),
    )
    zichtbaarheid = forms.ChoiceField(
        label=_("Who may read it"),
        choices=Zichtbaarheid.choices,
        initial=Zichtbaarheid.TEAM,
        widget=forms.RadioSelect,
        help_text=_(
            "Shared with the whole police, every colleague can read it and learn from it. "
            "Only the team and its teamchef can change it."
        ),
    )

    def __init__(self, *args, leden: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gespreksleider"].zet_objecten(leden)


class GesprekBewerkenForm(VersieForm, GesprekForm):
    """The details of an existing gesprek. The leidraad stays: its questions were asked."""

    samenvatting = Tekstvak(
        label=_("Summary"),
        required=False,
        rijen=6,
        help_text=_("What the gesprek brought, in a few sentences, for the report."),
    )

    field_order = [
        "titel",
        "datum",
        "opgaven",
        "gespreksleider",
        "deelnemers",
        "zichtbaarheid",
        "samenvatting",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["leidraad"]


class SamenvattingForm(VersieForm):
    """The summary of a gesprek, written on its page."""

    samenvatting = Tekstvak(
        label=_("Summary"),
        required=False,
        rijen=6,
        help_text=_("What the gesprek brought, in a few sentences, for the report."),
    )


class AntwoordForm(VersieForm):
    tekst = Tekstvak(label=_("Answer"), required=False, rijen=5)

    def __init__(self, *args, nummer: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = _("Answer to question %(nummer)s") % {"nummer": nummer}


class AfspraakForm(forms.Form):
    omschrijving = Tekstvak(
        label=_("Afspraak"),
        max_length=500,
        rijen=2,
        help_text=_("What will be done, concretely."),
    )
    eigenaar = forms.CharField(
        label=_("Owner"),
        max_length=150,
        required=False,
        help_text=_("Who carries it: a colleague, or a partner such as the gemeente."),
    )
    streefdatum = forms.DateField(label=_("Target date"), required=False, widget=DatumInput)
    opgave = KeuzeUitLijst(label=_("Opgave"), required=False, leeg_label=_("No opgave"))

    def __init__(self, *args, opgaven: list[Opgave], suggesties: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opgave"].zet_objecten(opgaven)
        if suggesties:
            # A datalist of the team's members: a suggestion, not a restriction.
            self.fields["eigenaar"].widget.attrs["list"] = suggesties
            self.fields["eigenaar"].widget.attrs["autocomplete"] = "off"


class AfspraakBewerkenForm(VersieForm, AfspraakForm):
    status = forms.ChoiceField(label=_("Status"), choices=AfspraakStatus.choices)

    field_order = ["omschrijving", "status", "eigenaar", "streefdatum", "opgave"]

    def __init__(self, *args, alleen_opvolging: bool = False, **kwargs):
        """`alleen_opvolging`: the gesprek is completed, so what was agreed (omschrijving,
        opgave) is a record; only how it is followed up can change."""
        super().__init__(*args, **kwargs)
        if alleen_opvolging:
            for naam in list(self.fields):
                if naam not in OPVOLG_VELDEN and naam != "versie":
                    del self.fields[naam]


class AfspraakStatusForm(VersieForm):
    """The quick follow-up of one afspraak: its status."""

    status = forms.ChoiceField(label=_("Status"), choices=AfspraakStatus.choices)


class GesprekStatusForm(VersieForm):
    """The buttons that move a gesprek on (or back): `naar` is the button pressed. Whether
    the move is allowed is the service's to say (`models.volgende_statussen`)."""

    naar = forms.ChoiceField(label=_("Status"), choices=Status.choices)
