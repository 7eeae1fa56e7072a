"""Background work: e-mail the author when the redactie decides on their voorbeeld, and the
contact person when a colleague asks a question about it."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from teams.services import afmeldtoken


@task
def meld_beoordeling(voorbeeld_id: int) -> None:
    from .models import Voorbeeld

    voorbeeld = Voorbeeld.objects.select_related("auteur").get(pk=voorbeeld_id)
    if not voorbeeld.auteur or not voorbeeld.auteur.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"voorbeeld": voorbeeld, "site_root": settings.SITE_ROOT}
        onderwerp = render_to_string("voorbeelden/email/beoordeling_subject.txt", context)
        tekst = render_to_string("voorbeelden/email/beoordeling_message.txt", context)
    send_mail(" ".join(onderwerp.split()), tekst, None, [voorbeeld.auteur.email])


@task
def stuur_vraag(bericht_id: int) -> None:
    """Tell the one who answers questions about the voorbeeld (its contact person, else its
    author) that a colleague asked one, unless they turned these e-mails off or asked it
    themselves. The answer goes on the page, where everyone learns from it."""
    from .models import Bericht

    vraag = Bericht.objects.select_related(
        "aangemaakt_door", "voorbeeld__contactpersoon", "voorbeeld__auteur"
    ).get(pk=bericht_id)
    voorbeeld = vraag.voorbeeld
    ontvanger = voorbeeld.beantwoorder
    if (
        ontvanger is None
        or not ontvanger.email
        or not ontvanger.mail_over_vragen
        or ontvanger == vraag.aangemaakt_door
    ):
        return
    afmelden = settings.SITE_ROOT + reverse("afmelden", args=[afmeldtoken(ontvanger)])
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "voorbeeld": voorbeeld,
            "vraag": vraag,
            "van_naam": vraag.aangemaakt_door.get_full_name() if vraag.aangemaakt_door else "",
            "contactpersoon": voorbeeld.contactpersoon_id == ontvanger.pk,
            "afmelden": afmelden,
            "site_root": settings.SITE_ROOT,
        }
        onderwerp = render_to_string("voorbeelden/email/vraag_subject.txt", context)
        tekst = render_to_string("voorbeelden/email/vraag_message.txt", context)
    EmailMessage(
        " ".join(onderwerp.split()),
        tekst,
        to=[ontvanger.email],
        # Mail clients offer their own unsubscribe button, which posts to the same link.
        headers={
            "List-Unsubscribe": f"<{afmelden}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()
