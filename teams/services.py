"""Workflows of the teams app: inviting colleagues, editing a team's context and clusters."""

from collections.abc import Iterable

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.versies import bewaar_nieuw, leg_versie_vast, vergrendel, werk_bij

from .models import Basisteam, Cluster, Lidmaatschap, User


@transaction.atomic
def nodig_uit(request: HttpRequest, user: User) -> None:
    """Invite a colleague a beheerder created: a mail with a link to set their password.

    Following that link proves they own the address, so setting the password also verifies
    it (see `markeer_email_geverifieerd`)."""
    if not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
        # The beheerder may have changed the address since an earlier invitation.
        EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    adapter = get_adapter(request)
    url = adapter.get_reset_password_from_key_url(f"{user_pk_to_url_str(user)}-{token}")
    adapter.send_mail(
        "account/email/uitnodiging",
        user.email,
        {"user": user, "password_reset_url": url, "request": request},
    )


def markeer_email_geverifieerd(sender, request, user: User, **kwargs) -> None:
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)


REDEN_CONTEXT = _("context edited")


def bewerk_context(
    team: Basisteam, gelezen_versie: int, velden: dict[str, str], *, door: User
) -> bool:
    """Save the context texts if nobody saved since `gelezen_versie` was read (else
    `core.versies.Conflict`); whether anything changed."""
    onbekend = set(velden) - set(Basisteam.CONTEXT_VELDEN)
    if onbekend:
        raise ValueError(f"not context fields: {sorted(onbekend)}")
    return werk_bij(team, gelezen_versie, velden, door=door, reden=REDEN_CONTEXT)


REDEN_CLUSTER_GEMAAKT = _("cluster created")
REDEN_CLUSTER_BEWERKT = _("cluster edited")
REDEN_LID_VERPLAATST = _("a member moved to another cluster")


def _namen(leden: list[Lidmaatschap]) -> list[str]:
    return sorted(lid.user.get_full_name() for lid in leden)


def _vergrendel_clusters(team_id: int) -> None:
    """Lock every cluster of the team, in one order: an edit may move members between
    clusters, so two edits of one team's clusters wait for each other, never deadlock."""
    list(Cluster.objects.select_for_update().filter(basisteam_id=team_id).order_by("pk"))


def _zet_leden(cluster: Cluster, leden: list[Lidmaatschap], door: User | None) -> None:
    """The cluster's members become `leden`. A member is in one cluster at a time: a member
    taken from another cluster changes that cluster too, which gets a version of its own."""
    if any(lid.basisteam_id != cluster.basisteam_id for lid in leden):
        raise ValueError("A cluster's members are members of its own team")
    gekozen = [lid.pk for lid in leden]
    andere = set(
        Lidmaatschap.objects.filter(pk__in=gekozen, cluster__isnull=False)
        .exclude(cluster=cluster)
        .values_list("cluster_id", flat=True)
    )
    # Memberships keep no version or history of their own: the clusters' history says it.
    cluster.lidmaatschappen.exclude(pk__in=gekozen).update(cluster=None)
    Lidmaatschap.objects.filter(pk__in=gekozen).update(cluster=cluster)
    for ander in Cluster.objects.filter(pk__in=andere).order_by("pk"):
        leg_versie_vast(ander, door=door, reden=REDEN_LID_VERPLAATST)


@transaction.atomic
def maak_cluster(
    team: Basisteam, door: User | None, *, naam: str, wijken: str, leden: Iterable[Lidmaatschap]
) -> Cluster:
    """A new cluster of `team` with its first history row, members included."""
    leden = list(leden)
    _vergrendel_clusters(team.pk)
    cluster = Cluster(basisteam=team, naam=naam, wijken=wijken)
    cluster._leden = _namen(leden)
    bewaar_nieuw(cluster, door=door, reden=REDEN_CLUSTER_GEMAAKT)
    _zet_leden(cluster, leden, door)
    return cluster


@transaction.atomic
def werk_cluster_bij(
    cluster: Cluster,
    gelezen_versie: int | None,
    *,
    naam: str,
    wijken: str,
    leden: Iterable[Lidmaatschap],
    door: User | None,
) -> bool:
    """Save name, wijken and members if nobody saved the cluster since `gelezen_versie`
    (else `core.versies.Conflict`); whether anything changed. `cluster` shows what is
    saved."""
    leden = list(leden)
    _vergrendel_clusters(cluster.basisteam_id)
    huidig = vergrendel(Cluster.objects.all(), cluster.pk, gelezen_versie)
    velden = {"naam": naam, "wijken": wijken}
    gewijzigd = {k: v for k, v in velden.items() if getattr(huidig, k) != v}
    nu = set(huidig.lidmaatschappen.values_list("pk", flat=True))
    if not gewijzigd and nu == {lid.pk for lid in leden}:
        return False
    for veld, waarde in gewijzigd.items():
        setattr(huidig, veld, waarde)
    _zet_leden(huidig, leden, door)
    huidig._leden = _namen(leden)
    leg_versie_vast(huidig, door=door, reden=REDEN_CLUSTER_BEWERKT)
    for veld in huidig._meta.concrete_fields:
        setattr(cluster, veld.attname, getattr(huidig, veld.attname))
    return True


# Signed, not stored: the link in an e-mail turns that e-mail off without logging in.
AFMELDEN_SALT = "podium.afmelden.vragen"


def afmeldtoken(user: User) -> str:
    # Without a time: the link in an old e-mail keeps working.
    return signing.Signer(salt=AFMELDEN_SALT).sign(str(user.pk))


def user_van_afmeldtoken(token: str) -> User | None:
    """The colleague an unsubscribe link was made for; None for a link that was altered."""
    try:
        pk = int(signing.Signer(salt=AFMELDEN_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def zet_mail_over_vragen(user: User, aan: bool) -> None:
    user.mail_over_vragen = aan
    user.save(update_fields=["mail_over_vragen"])
