from django import forms
from django.utils.translation import gettext_lazy as _


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
