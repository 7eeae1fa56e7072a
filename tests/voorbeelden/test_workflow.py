"""The editorial status machine, the review queue in the admin, and the author's e-mail."""

import pytest
from django.core import mail

from voorbeelden import services
from voorbeelden.models import OVERGANGEN, Redactiestatus, Voorbeeld

pytestmark = pytest.mark.django_db

ALLE = [s.value for s in Redactiestatus]


@pytest.mark.parametrize("van", ALLE)
@pytest.mark.parametrize("naar", ALLE)
def test_only_the_defined_transitions_are_possible(maak_voorbeeld, redacteur, van, naar):
    reden = "Te kort." if van == Redactiestatus.AFGEWEZEN else ""
    voorbeeld = maak_voorbeeld(redactiestatus=van, afwijzingsreden=reden)
    toegestaan = naar in OVERGANGEN[van]
    if toegestaan:
        services.zet_status(voorbeeld, naar, redacteur, reden="Nog niet concreet genoeg.")
        assert Voorbeeld.objects.get(pk=voorbeeld.pk).redactiestatus == naar
    else:
        with pytest.raises(services.OngeldigeOvergang):
            services.zet_status(voorbeeld, naar, redacteur, reden="x")
        assert Voorbeeld.objects.get(pk=voorbeeld.pk).redactiestatus == van


def test_rejecting_needs_a_reason(concept, redacteur):
    services.zet_status(concept, Redactiestatus.INGEDIEND, concept.auteur)
    with pytest.raises(services.OngeldigeOvergang):
        services.zet_status(concept, Redactiestatus.AFGEWEZEN, redacteur, reden="  ")


def test_publishing_records_who_and_when_and_mails_the_author(
    concept, redacteur, django_capture_on_commit_callbacks
):
    services.zet_status(concept, Redactiestatus.INGEDIEND, concept.auteur)
    with django_capture_on_commit_callbacks(execute=True):
        services.zet_status(concept, Redactiestatus.GEPUBLICEERD, redacteur)
    concept.refresh_from_db()
    assert concept.beoordeeld_door == redacteur
    assert concept.beoordeeld_op is not None
    assert concept.gepubliceerd_op is not None
    assert mail.outbox[-1].to == [concept.auteur.email]
    assert "is gepubliceerd" in mail.outbox[-1].subject
    # Newest first; before these, the fixture's row of creation.
    assert list(concept.history.values_list("history_change_reason", flat=True))[:2] == [
        "gepubliceerd",
        "ingediend",
    ]


def _admin_actie(client, actie: str, voorbeeld, **extra):
    return client.post(
        "/admin/voorbeelden/voorbeeld/",
        {"action": actie, "_selected_action": [voorbeeld.pk], **extra},
        follow=True,
    )


def test_review_queue_lists_submitted_first(client, redacteur, maak_voorbeeld, collega):
    ingediend = maak_voorbeeld("Wacht op oordeel", redactiestatus="ingediend", auteur=collega)
    client.force_login(redacteur)
    response = client.get("/admin/voorbeelden/voorbeeld/")
    assert response.status_code == 200
    assert next(iter(response.context["cl"].result_list)) == ingediend


def test_redactie_rejects_with_a_reason_in_the_admin(
    client, redacteur, concept, django_capture_on_commit_callbacks
):
    services.zet_status(concept, Redactiestatus.INGEDIEND, concept.auteur)
    client.force_login(redacteur)
    tussenpagina = _admin_actie(client, "wijs_af", concept)
    assert "Reden van afwijzing" in tussenpagina.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _admin_actie(
            client, "wijs_af", concept, bevestig="1", reden="Beschrijf het resultaat."
        )
    assert "1 voorbeeld afgewezen." in response.content.decode()
    concept.refresh_from_db()
    assert concept.redactiestatus == "afgewezen"
    assert concept.afwijzingsreden == "Beschrijf het resultaat."
    assert "Beschrijf het resultaat." in mail.outbox[-1].body


def test_redactie_cannot_publish_a_draft_directly(client, redacteur, concept):
    client.force_login(redacteur)
    response = _admin_actie(client, "publiceer", concept)
    assert "overgeslagen" in response.content.decode()
    concept.refresh_from_db()
    assert concept.redactiestatus == "concept"


def test_the_editorial_status_is_not_editable_in_the_form(client, redacteur, concept):
    client.force_login(redacteur)
    response = client.get(f"/admin/voorbeelden/voorbeeld/{concept.pk}/change/")
    assert "redactiestatus" not in response.context["adminform"].form.fields


@pytest.mark.parametrize("persona", ["collega", "teamchef"])
def test_colleagues_have_no_review_queue(as_persona, persona):
    response = as_persona(persona).get("/admin/voorbeelden/voorbeeld/", follow=True)
    assert response.status_code == 403


def test_an_admin_edit_is_in_the_history(client, redacteur, concept):
    client.force_login(redacteur)
    url = f"/admin/voorbeelden/voorbeeld/{concept.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(
        {
            "titel": "Buurtapp Lombok (herzien)",
            "opgaven": [o.pk for o in concept.opgaven.all()],
            "toepassingen-TOTAL_FORMS": "0",
            "toepassingen-INITIAL_FORMS": "0",
            "gelezen_versie": concept.versie,
        }
    )
    for leeg in ("aandachtspunten", "partners"):
        data.pop(leeg, None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    concept.refresh_from_db()
    assert concept.titel == "Buurtapp Lombok (herzien)"
    laatste = concept.history.first()
    assert (laatste.history_change_reason, laatste.history_user) == (
        "bewerkt door de redactie",
        redacteur,
    )
    assert laatste.versie == concept.versie == 2
