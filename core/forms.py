"""Form parts every app's forms may use."""

from django import forms

from .versies import CONFLICT_MELDING, Conflict


class VersieForm(forms.Form):
    """A form that edits a `Versiebeheerd` object: it carries the version it was read at,
    and after a conflict (`meld_conflict`) the object as it is saved now, `opgeslagen`."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    opgeslagen = None


def meld_conflict(form: forms.BaseForm, conflict: Conflict, melding=CONFLICT_MELDING) -> None:
    """Show `form` again after a conflict: what was typed stays, the form now carries the
    saved version (so saving again knowingly replaces it), and the message says so. The
    template shows `form.opgeslagen`, what is saved now, beside the fields
    (`includes/conflict.html`)."""
    data = form.data.copy()
    data[form.add_prefix("versie")] = conflict.huidig.versie
    form.data = data
    form.opgeslagen = conflict.huidig
    form.add_error(None, melding)
