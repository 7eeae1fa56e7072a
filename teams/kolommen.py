"""How one column of an import file is read and written: django-import-export widgets.

`clean` turns the text of a cell into the value to store, or raises ValueError with the
Dutch explanation that the import lists under the regel and kolom; `render` writes the value
back so that export → import changes nothing (decimals with a point, empty for unknown).
The limits come from the model fields (`lezer_voor`), so file and database agree.
"""

import re
from decimal import Decimal

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.fields import Field

GETAL = re.compile(r"-?\d+(?:[.,]\d+)?")
HEEL_GETAL = re.compile(r"-?\d+")
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
CBS_CODE = re.compile(r"GM\d{4}")


class Tekst(widgets.Widget):
    """Trimmed text; `verplicht` and `max_lengte` as the model field says."""

    def __init__(self, *, verplicht: bool = False, max_lengte: int | None = None) -> None:
        super().__init__()
        self.verplicht = verplicht
        self.max_lengte = max_lengte

    def clean(self, value, row=None, **kwargs) -> str:
        tekst = ("" if value is None else str(value)).strip()
        if self.verplicht and not tekst:
            raise ValueError(_("must not be empty."))
        if self.max_lengte is not None and len(tekst) > self.max_lengte:
            raise ValueError(
                _("is too long (%(lengte)d characters, at most %(maximum)d).")
                % {"lengte": len(tekst), "maximum": self.max_lengte}
            )
        return tekst


class Slug(Tekst):
    def clean(self, value, row=None, **kwargs) -> str:
        tekst = super().clean(value)
        if tekst and not SLUG.fullmatch(tekst):
            raise ValueError(
                _('"%(waarde)s" is not a valid slug: use only letters, digits, - and _.')
                % {"waarde": tekst}
            )
        return tekst


class CbsCode(Tekst):
    def __init__(self) -> None:
        super().__init__(verplicht=True)

    def clean(self, value, row=None, **kwargs) -> str:
        tekst = super().clean(value)
        if not CBS_CODE.fullmatch(tekst.upper()):
            raise ValueError(
                _(
                    '"%(waarde)s" is not a valid CBS code: expected GM and 4 digits, '
                    "for example GM0344."
                )
                % {"waarde": tekst}
            )
        return tekst.upper()


class Keuze(Tekst):
    """One of the field's choices, in any case."""

    def __init__(self, naam: str, keuzes: list[str]) -> None:
        super().__init__(verplicht=True)
        self.naam = naam
        self.keuzes = keuzes

    def clean(self, value, row=None, **kwargs) -> str:
        tekst = super().clean(value)
        if tekst.lower() not in self.keuzes:
            raise ValueError(
                _('"%(waarde)s" is not a valid %(naam)s (choose %(keuzes)s).')
                % {"waarde": tekst, "naam": self.naam, "keuzes": get_text_list(self.keuzes)}
            )
        return tekst.lower()


class HeelGetal(widgets.Widget):
    """A whole number from 0 to `maximum`, no thousands separator; empty is unknown."""

    def __init__(self, maximum: int) -> None:
        super().__init__()
        self.maximum = maximum

    def clean(self, value, row=None, **kwargs) -> int | None:
        tekst = Tekst().clean(value)
        if not tekst:
            return None
        if not HEEL_GETAL.fullmatch(tekst):
            raise ValueError(_('"%(waarde)s" is not a whole number.') % {"waarde": tekst})
        getal = int(tekst)
        if getal < 0:
            raise ValueError(_('"%(waarde)s" must not be negative.') % {"waarde": tekst})
        if getal > self.maximum:
            raise ValueError(
                _('"%(waarde)s" is too large (at most %(maximum)d).')
                % {"waarde": tekst, "maximum": self.maximum}
            )
        return getal

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else str(value)


class Decimaal(widgets.Widget):
    """A number greater than 0 with a decimal point or comma; empty is unknown."""

    def __init__(self, max_digits: int, decimal_places: int) -> None:
        super().__init__()
        self.voor_komma = max_digits - decimal_places
        self.achter_komma = decimal_places

    def clean(self, value, row=None, **kwargs) -> Decimal | None:
        tekst = Tekst().clean(value)
        if not tekst:
            return None
        waarde = {"waarde": tekst}
        if not GETAL.fullmatch(tekst):
            raise ValueError(_('"%(waarde)s" is not a number.') % waarde)
        getal = Decimal(tekst.replace(",", "."))
        if getal <= 0:
            raise ValueError(_('"%(waarde)s" must be greater than 0.') % waarde)
        if -getal.normalize().as_tuple().exponent > self.achter_komma:
            raise ValueError(
                _(
                    '"%(waarde)s" has too many digits after the decimal point '
                    "(at most %(maximum)d)."
                )
                % {**waarde, "maximum": self.achter_komma}
            )
        if getal >= Decimal(10) ** self.voor_komma:
            raise ValueError(
                _(
                    '"%(waarde)s" is too large '
                    "(at most %(maximum)d digits before the decimal point)."
                )
                % {**waarde, "maximum": self.voor_komma}
            )
        return getal

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else format(value, "f")


class Verwijzing(widgets.Widget):
    """An object named by its code (`veld`), all of them looked up once per import.

    `onbekend` is the (lazy) message for a code that names nothing; it may list the
    `keuzes`. With `hoofdletters`, the code is matched in upper case."""

    def __init__(
        self,
        model: type[models.Model],
        veld: str,
        onbekend: str,
        *,
        lezer: Tekst | None = None,
        hoofdletters: bool = False,
    ) -> None:
        super().__init__()
        self.model = model
        self.veld = veld
        self.onbekend = onbekend
        self.lezer = lezer or Tekst(verplicht=True)
        self.hoofdletters = hoofdletters
        self._objecten: dict[str, models.Model] | None = None

    def _sleutel(self, code: str) -> str:
        return code.upper() if self.hoofdletters else code

    def objecten(self) -> dict[str, models.Model]:
        if self._objecten is None:
            alle = self.model._default_manager.order_by("pk")
            self._objecten = {self._sleutel(getattr(o, self.veld)): o for o in alle}
        return self._objecten

    def clean(self, value, row=None, **kwargs) -> models.Model:
        tekst = self.lezer.clean(value)
        gevonden = self.objecten().get(self._sleutel(tekst))
        if gevonden is None:
            keuzes = ", ".join(self.objecten())
            raise ValueError(str(self.onbekend) % {"waarde": tekst, "keuzes": keuzes})
        return gevonden

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else getattr(value, self.veld)


def kolom(naam: str, widget: widgets.Widget) -> Field:
    """A column of the file, read into (and written from) the model field of that name."""
    return Field(attribute=naam, column_name=naam, widget=widget)


def lezer_voor(veld: models.Field) -> widgets.Widget:
    """The widget for a model field, with the field's own limits."""
    if isinstance(veld, models.DecimalField):
        return Decimaal(veld.max_digits, veld.decimal_places)
    if isinstance(veld, models.IntegerField):
        return HeelGetal(BaseDatabaseOperations.integer_field_ranges[veld.get_internal_type()][1])
    if veld.choices:
        return Keuze(veld.name, [str(waarde) for waarde, _label in veld.flatchoices])
    if isinstance(veld, models.SlugField):
        return Slug(max_lengte=veld.max_length)
    return Tekst(verplicht=not veld.blank, max_lengte=veld.max_length)
