"""Background work: e-mail the author when the redactie decides on their voorbeeld."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


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
def stuur_vraag(voorbeeld_id: int, van_naam: str, van_email: str, vraag: str) -> None:
    from .models import Voorbeeld

    voorbeeld = Voorbeeld.objects.select_related("contactpersoon").get(pk=voorbeeld_id)
    if not voorbeeld.contactpersoon:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "voorbeeld": voorbeeld,
            "van_naam": van_naam,
            "van_email": van_email,
            "vraag": vraag,
            "site_root": settings.SITE_ROOT,
        }
        onderwerp = render_to_string("voorbeelden/email/vraag_subject.txt", context)
        tekst = render_to_string("voorbeelden/email/vraag_message.txt", context)
    EmailMessage(
        " ".join(onderwerp.split()),
        tekst,
        to=[voorbeeld.contactpersoon.email],
        reply_to=[van_email],
    ).send()
