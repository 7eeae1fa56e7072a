"""The contract every versioned, history-keeping object meets (issue 8), written once.

Each app describes its editable objects as `Bewerkbaar` in its own `test_versies.py`, in a
fixture that gives them by name, and takes the tests from `contracttests`:

    test_contract, test_race = contracttests("soorten", ["antwoord", "afspraak"])

They run the checks below on every kind:

- an edit through the page raises the version and leaves a history row with who and why;
- an edit through the admin does the same;
- a stale page form gets the conflict and changes nothing; a stale admin form gets the same
  conflict (`core.versies.CONFLICT_MELDING`) and does not revert the page's edit;
- two threads saving the same object at once (PostgreSQL, 20 rounds): exactly one is told
  it saved, the other gets `Conflict`; the history holds exactly the winner's row.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from django.db import connection, models
from django.test import Client
from django.utils.html import escape

from core.versies import CONFLICT_MELDING, Conflict


@dataclass
class Bewerkbaar:
    naam: str
    # A fresh object of this kind, and the user who may edit it on its page.
    maak: Callable[[], models.Model]
    bewerker: Callable[[], Any]
    # POST an edit through the page: (client, obj, read version, new text) -> response.
    pagina: Callable[[Client, models.Model, int, str], Any]
    # The service the page calls: (obj, read version, new text, user); raises Conflict.
    service: Callable[[models.Model, int, str, Any], Any]
    # The edited text as saved, and the name of the admin field that holds it.
    waarde: Callable[[models.Model], str]
    admin_veld: str | None
    # Who edits it in the admin (None: the admin cannot change this kind).
    admin_bewerker: Callable[[], Any] | None = None


def admin_url(obj: models.Model) -> str:
    meta = obj._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/change/"


def _als_post(waarde) -> Any:
    if waarde is None:
        return ""
    if isinstance(waarde, models.Model):
        return str(waarde.pk)
    if isinstance(waarde, (list, tuple, models.QuerySet)):
        return [_als_post(w) for w in waarde]
    if isinstance(waarde, datetime):
        return waarde.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, bool):
        return "on" if waarde else ""
    return str(waarde)


def _formulier_data(form) -> dict:
    data = {}
    for naam, veld in form.fields.items():
        waarde = form[naam].value()
        if isinstance(veld.widget, models.BooleanField) or waarde is False:
            continue
        if veld.disabled:
            continue
        if isinstance(waarde, list | tuple):
            data[form.add_prefix(naam)] = [_als_post(w) for w in waarde]
        elif hasattr(veld.widget, "widgets") and isinstance(waarde, datetime):
            # SplitDateTimeWidget: a date and a time input.
            data[form.add_prefix(naam) + "_0"] = waarde.date().isoformat()
            data[form.add_prefix(naam) + "_1"] = waarde.strftime("%H:%M:%S")
        else:
            data[form.add_prefix(naam)] = _als_post(waarde)
    return data


def admin_formulier(client: Client, obj: models.Model) -> dict:
    """The admin change form of `obj` as a browser would post it back unchanged: every
    field, every inline with its management form."""
    response = client.get(admin_url(obj))
    assert response.status_code == 200, response.status_code
    data = _formulier_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(
            {
                formset.management_form.add_prefix(k): v
                for k, v in formset.management_form.initial.items()
            }
        )
        for form in formset.forms:
            data.update(_formulier_data(form))
    return data


def controleer_pagina(soort: Bewerkbaar, client: Client) -> None:
    obj = soort.maak()
    voor = obj.versie
    client.force_login(soort.bewerker())
    response = soort.pagina(client, obj, voor, "Bewerkt op de pagina")
    assert response.status_code == 302, response.status_code
    obj.refresh_from_db()
    assert soort.waarde(obj) == "Bewerkt op de pagina"
    assert obj.versie == voor + 1
    laatste = obj.history.first()
    assert laatste.history_user == soort.bewerker()
    assert laatste.history_change_reason
    assert laatste.versie == obj.versie


def controleer_admin(soort: Bewerkbaar, client: Client) -> None:
    assert soort.admin_bewerker is not None
    assert soort.admin_veld is not None
    obj = soort.maak()
    voor = obj.versie
    client.force_login(soort.admin_bewerker())
    data = admin_formulier(client, obj)
    data[soort.admin_veld] = "Bewerkt in de beheeromgeving"
    response = client.post(admin_url(obj), data)
    assert response.status_code == 302, _fouten(response)
    obj.refresh_from_db()
    assert soort.waarde(obj) == "Bewerkt in de beheeromgeving"
    assert obj.versie == voor + 1
    laatste = obj.history.first()
    assert laatste.history_user == soort.admin_bewerker()
    assert laatste.history_change_reason


def controleer_verouderd_op_pagina(soort: Bewerkbaar, client: Client) -> None:
    obj = soort.maak()
    gelezen = obj.versie
    soort.service(obj, gelezen, "Eerst opgeslagen", soort.bewerker())
    rijen = obj.history.count()
    client.force_login(soort.bewerker())
    response = soort.pagina(client, obj, gelezen, "Later, op een oude versie")
    assert response.status_code == 200
    assert escape(str(CONFLICT_MELDING)) in response.content.decode() or any(
        CONFLICT_MELDING in str(m) for m in response.context.get("messages", [])
    )
    assert "Later, op een oude versie" in response.content.decode(), "typed text is lost"
    obj.refresh_from_db()
    assert soort.waarde(obj) == "Eerst opgeslagen"
    assert obj.history.count() == rijen


def controleer_verouderd_in_admin(soort: Bewerkbaar, client: Client) -> None:
    """The held-out case: an admin form read before a page edit is posted after it."""
    obj = soort.maak()
    client.force_login(soort.admin_bewerker())
    data = admin_formulier(client, obj)  # read now, at the current version
    soort.service(obj, obj.versie, "Intussen op de pagina", soort.bewerker())
    data[soort.admin_veld] = "Oud formulier in de beheeromgeving"
    response = client.post(admin_url(obj), data)
    assert response.status_code == 200
    assert escape(str(CONFLICT_MELDING)) in response.content.decode()
    obj.refresh_from_db()
    assert soort.waarde(obj) == "Intussen op de pagina", "the page edit was reverted"
    # Saving the same form again now knowingly replaces it.
    response = client.post(admin_url(obj), {**data, "gelezen_versie": str(obj.versie)})
    assert response.status_code == 302, _fouten(response)
    obj.refresh_from_db()
    assert soort.waarde(obj) == "Oud formulier in de beheeromgeving"


def _ronde(soort: Bewerkbaar, ronde: int) -> None:
    obj = soort.maak()
    gelezen = obj.versie
    door = soort.bewerker()
    start = threading.Barrier(2)
    uitkomsten: list[str] = []
    fouten: list[BaseException] = []

    def bewaar(tekst: str) -> None:
        try:
            start.wait()
            soort.service(type(obj)._default_manager.get(pk=obj.pk), gelezen, tekst, door)
            uitkomsten.append(tekst)
        except Conflict:
            uitkomsten.append("conflict")
        except BaseException as fout:
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=bewaar, args=(f"Ronde {ronde}, draad {i}",)) for i in (1, 2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert not fouten, fouten
    assert uitkomsten.count("conflict") == 1, uitkomsten
    winnaar = next(u for u in uitkomsten if u != "conflict")
    obj.refresh_from_db()
    assert soort.waarde(obj) == winnaar
    assert obj.versie == gelezen + 1
    assert obj.history.filter(versie=gelezen + 1).count() == 1


def controleer_race(soort: Bewerkbaar, rondes: int = 20) -> None:
    """Two threads save the same object from the same version at the same moment. Needs a
    real database with row locks: run with `django_db(transaction=True)` on PostgreSQL."""
    for ronde in range(rondes):
        _ronde(soort, ronde)


def _fouten(response) -> str:
    context = getattr(response, "context", None) or {}
    form = context.get("adminform")
    return str(form.form.errors if form else response.status_code)


alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks under real concurrency: runs in CI's PostgreSQL lane",
)


CONTROLES = [
    controleer_pagina,
    controleer_admin,
    controleer_verouderd_op_pagina,
    controleer_verouderd_in_admin,
]
IN_DE_ADMIN = {controleer_admin, controleer_verouderd_in_admin}


def contracttests(fixture: str, namen: list[str]):
    """The contract's tests for the kinds `namen` of the fixture `fixture` (a dict of name
    to `Bewerkbaar`): the four checks on SQLite and PostgreSQL, the race on PostgreSQL."""

    @pytest.mark.django_db
    @pytest.mark.parametrize("naam", namen)
    @pytest.mark.parametrize("controle", CONTROLES, ids=lambda controle: controle.__name__)
    def test_contract(request, client, naam, controle):
        soort = request.getfixturevalue(fixture)[naam]
        if controle in IN_DE_ADMIN and soort.admin_veld is None:
            pytest.skip(f"{naam} is read-only in the admin (a test of its own checks that)")
        controle(soort, client)

    @alleen_postgresql
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    @pytest.mark.parametrize("naam", namen)
    def test_race(request, naam):
        controleer_race(request.getfixturevalue(fixture)[naam])

    return test_contract, test_race
