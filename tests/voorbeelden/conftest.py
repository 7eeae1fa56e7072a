import pytest
from django.utils import timezone
from django.utils.text import slugify

from opgaven.models import Opgave
from voorbeelden.models import Redactiestatus, Voorbeeld


@pytest.fixture
def maak_voorbeeld(db):
    def maak(titel: str = "Koffie met een cop", **velden) -> Voorbeeld:
        status = velden.pop("redactiestatus", Redactiestatus.GEPUBLICEERD)
        # Readable by everyone unless a test says otherwise, so the pages' tests need no
        # login; the tests of who reads what pass openbaar=False.
        velden.setdefault("openbaar", status == Redactiestatus.GEPUBLICEERD)
        opgaven = velden.pop("opgaven", [Opgave.objects.get(nummer=4)])
        voorbeeld = Voorbeeld.objects.create(
            titel=titel,
            slug=velden.pop("slug", slugify(titel)),
            samenvatting=velden.pop("samenvatting", "Wijkagenten drinken koffie met bewoners."),
            redactiestatus=status,
            gepubliceerd_op=timezone.now() if status == Redactiestatus.GEPUBLICEERD else None,
            **velden,
        )
        voorbeeld.opgaven.set(opgaven)
        return voorbeeld

    return maak


@pytest.fixture
def concept(maak_voorbeeld, collega):
    return maak_voorbeeld(
        "Buurtapp Lombok",
        redactiestatus=Redactiestatus.CONCEPT,
        auteur=collega,
        contactpersoon=collega,
    )
