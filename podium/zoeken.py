"""One search for the whole portal (`/zoeken/`): opgaven, aandachtspunten, voorbeelden,
basisteams, and of gesprekken, answers and afspraken only what the user may read, through
the same querysets as their pages (`zichtbaar_voor`).

PostgreSQL: Dutch full-text search (`websearch_to_tsquery`, so quotes, `or` and `-` mean
what they mean on the web and odd input is never an error), weighted and ranked; a word that
is in no title or summary gets a suggestion from pg_trgm (the Dutch stemmer finds
“ondermijning” for “ondermijnig” anyway, so it does not wait for an empty result). SQLite:
every word must occur (`icontains`), a title hit first, no suggestion. Every group is one
query, however many hits it has: the total comes with the hits as a window count.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import Window
from django.urls import reverse
from django.utils.html import escape, strip_tags
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gesprekken.models import Afspraak, Antwoord, Gesprek
from opgaven.models import Aandachtspunt, Opgave
from teams.models import Basisteam, User, Werkgebied
from voorbeelden.filters import zoek as zoek_voorbeelden
from voorbeelden.models import ZOEK_CONFIG, Voorbeeld

MAX_LENGTE = 200  # characters of a search; what is longer is cut, and the page says so
PER_GROEP = 5  # hits a group shows on the page of all groups
FRAGMENT = 180  # characters of text around the first hit

# Words too common to search for on SQLite (PostgreSQL's `dutch` configuration has its own).
STOPWOORDEN = frozenset(
    "de het een en van in op te dat die is voor met aan er als bij of om niet zijn".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Zoekvraag:
    """What was asked, made safe: no NUL or other control characters, no lone surrogates,
    at most MAX_LENGTE characters; `woorden` are the words to find and to mark."""

    tekst: str = ""
    ingekort: bool = False
    woorden: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.tekst)


def maak_zoekvraag(ruw: str) -> Zoekvraag:
    schoon = "".join(
        teken if unicodedata.category(teken) not in ("Cc", "Cs", "Co", "Cn") else " "
        for teken in ruw
    )
    schoon = " ".join(schoon.split())
    ingekort = len(schoon) > MAX_LENGTE
    tekst = schoon[:MAX_LENGTE]
    if ingekort and schoon[MAX_LENGTE] != " " and " " in tekst:
        tekst = tekst.rsplit(" ", 1)[0]  # no half word at the end
    tekst = tekst.strip()
    # Web-search syntax: a `-word` is left out, `or` joins; neither is a word to find.
    woorden = [
        woord.lower()
        for deel in tekst.split()
        if not deel.startswith("-")
        for woord in re.findall(r"\w+", deel)
    ]
    woorden = [w for w in woorden if w not in STOPWOORDEN and w != "or"]
    return Zoekvraag(tekst=tekst, ingekort=ingekort, woorden=tuple(dict.fromkeys(woorden)))


def kan_zoeken(vraag: Zoekvraag) -> bool:
    """Whether there is something to search for: words, or on PostgreSQL any text (the
    web-search syntax decides what it means, `-wijkagent` too)."""
    return bool(vraag.woorden) or (bool(vraag) and _postgresql())


@dataclass(frozen=True)
class Treffer:
    titel: str
    url: str
    waar: str
    fragment: SafeString


@dataclass
class Groep:
    naam: str
    label: str
    treffers: list[Treffer] = field(default_factory=list)
    totaal: int = 0
    meer_url: str = ""


def meer_url(groep: str, vraag: Zoekvraag) -> str:
    """The full list of a group's hits (the library's own search for voorbeelden)."""
    if groep == "voorbeelden":
        return f"{reverse('voorbeelden:list')}?{urlencode({'q': vraag.tekst})}"
    return f"{reverse('zoeken')}?{urlencode({'q': vraag.tekst, 'groep': groep})}"


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def _zoek(queryset: QuerySet, vraag: Zoekvraag, velden: dict[str, str]) -> QuerySet:
    """Filter `queryset` on `velden` ({field: weight}) and annotate `relevantie`."""
    if _postgresql():
        vector = None
        for veld, gewicht in velden.items():
            deel = SearchVector(veld, weight=gewicht, config=ZOEK_CONFIG)
            vector = deel if vector is None else vector + deel
        query = SearchQuery(vraag.tekst, config=ZOEK_CONFIG, search_type="websearch")
        return (
            queryset.alias(zoekvector=vector)
            .filter(zoekvector=query)
            .annotate(relevantie=SearchRank(vector, query))
        )
    for woord in vraag.woorden:
        waar = Q()
        for veld in velden:
            waar |= Q(**{f"{veld}__icontains": woord})
        queryset = queryset.filter(waar)
    eerste = next(iter(velden))
    return queryset.annotate(
        relevantie=Case(
            When(**{f"{eerste}__icontains": vraag.woorden[0]}, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


# What each group searches, as a queryset of what `user` may read, ranked.


def _opgaven(vraag: Zoekvraag, user: User) -> QuerySet:
    gevonden = _zoek(
        Opgave.objects.all(), vraag, {"titel": "A", "samenvatting": "B", "tekst": "C"}
    )
    return gevonden.order_by("-relevantie", "nummer")


def _aandachtspunten(vraag: Zoekvraag, user: User) -> QuerySet:
    gevonden = _zoek(Aandachtspunt.objects.select_related("opgave"), vraag, {"tekst": "A"})
    return gevonden.order_by("-relevantie", "opgave__nummer", "volgorde")


def _voorbeelden(vraag: Zoekvraag, user: User) -> QuerySet:
    # The library's own search over what the library shows this user: the same hits.
    tekst = vraag.tekst if _postgresql() else " ".join(vraag.woorden)
    gevonden = zoek_voorbeelden(Voorbeeld.objects.gepubliceerd_voor(user), tekst)
    return (
        gevonden.select_related("basisteam", "eenheid")
        .defer("zoekvector")
        .order_by("-relevantie", "-gepubliceerd_op", "pk")
    )


def _basisteams(vraag: Zoekvraag, user: User) -> QuerySet:
    # Names, not prose: every word somewhere in the name, the eenheid or a gemeente.
    if not vraag.woorden:
        return Basisteam.objects.none()
    teams = Basisteam.objects.select_related("eenheid").prefetch_related("werkgebieden__gemeente")
    for woord in vraag.woorden:
        gemeente = Werkgebied.objects.filter(
            basisteam=OuterRef("pk"), gemeente__naam__icontains=woord
        )
        teams = teams.filter(
            Q(naam__icontains=woord) | Q(eenheid__naam__icontains=woord) | Exists(gemeente)
        )
    return teams.order_by("naam")


def _gesprekken(vraag: Zoekvraag, user: User) -> QuerySet:
    zichtbaar = Gesprek.objects.zichtbaar_voor(user).select_related("basisteam")
    gevonden = _zoek(zichtbaar, vraag, {"titel": "A", "samenvatting": "B"})
    return gevonden.order_by("-relevantie", "-datum", "-pk")


def _antwoorden(vraag: Zoekvraag, user: User) -> QuerySet:
    zichtbaar = Antwoord.objects.filter(
        gesprek__in=Gesprek.objects.zichtbaar_voor(user)
    ).select_related("gesprek__basisteam")
    gevonden = _zoek(zichtbaar, vraag, {"tekst": "A"})
    return gevonden.order_by("-relevantie", "-gesprek__datum", "volgorde", "pk")


def _afspraken(vraag: Zoekvraag, user: User) -> QuerySet:
    zichtbaar = Afspraak.objects.zichtbaar_voor(user).select_related("gesprek__basisteam")
    gevonden = _zoek(zichtbaar, vraag, {"omschrijving": "A"})
    return gevonden.order_by("-relevantie", "-gesprek__datum", "pk")


# How a hit reads: its title, where it lives, and its text with the words marked.


def _opgave(o: Opgave, vraag) -> Treffer:
    waar = _("Opgave %(nummer)s") % {"nummer": o.nummer}
    return Treffer(o.titel, o.get_absolute_url(), waar, markeer(vraag, o.samenvatting, o.tekst))


def _aandachtspunt(a: Aandachtspunt, vraag) -> Treffer:
    waar = _("Opgave %(nummer)s · aandachtspunt") % {"nummer": a.opgave.nummer}
    url = f"{a.opgave.get_absolute_url()}#aandachtspunten"
    return Treffer(_kort(a.tekst), url, waar, markeer(vraag, a.tekst))


def _voorbeeld(v: Voorbeeld, vraag) -> Treffer:
    plek = v.basisteam or v.eenheid or v.plaats
    waar = _("Voorbeeld · %(plek)s") % {"plek": plek} if plek else _("Voorbeeld")
    teksten = (v.samenvatting, v.aanleiding, v.aanpak, v.resultaat, v.lessen, v.zoektekst)
    return Treffer(v.titel, v.get_absolute_url(), waar, markeer(vraag, *teksten))


def _basisteam(b: Basisteam, vraag) -> Treffer:
    gemeenten = ", ".join(w.gemeente.naam for w in b.werkgebieden.all())
    return Treffer(b.naam, b.get_absolute_url(), b.eenheid.naam, markeer(vraag, gemeenten))


def _gesprek(g: Gesprek, vraag) -> Treffer:
    waar = _("Gesprek · %(team)s") % {"team": g.basisteam.naam}
    return Treffer(g.titel, g.get_absolute_url(), waar, markeer(vraag, g.samenvatting, g.titel))


def _antwoord(a: Antwoord, vraag) -> Treffer:
    waar = _("Answer in %(gesprek)s · %(team)s") % {
        "gesprek": a.gesprek.titel,
        "team": a.gesprek.basisteam.naam,
    }
    url = f"{a.gesprek.get_absolute_url()}#vraag-{a.pk}"
    return Treffer(a.vraag_tekst, url, waar, markeer(vraag, a.tekst))


def _afspraak(a: Afspraak, vraag) -> Treffer:
    waar = _("Afspraak in %(gesprek)s · %(team)s") % {
        "gesprek": a.gesprek.titel,
        "team": a.gesprek.basisteam.naam,
    }
    url = reverse("gesprekken:afspraak", kwargs={"pk": a.pk})
    return Treffer(_kort(a.omschrijving), url, waar, markeer(vraag, a.omschrijving))


GROEPEN: dict[str, tuple] = {
    "opgaven": (gettext_lazy("Opgaven"), _opgaven, _opgave),
    "aandachtspunten": (gettext_lazy("Aandachtspunten"), _aandachtspunten, _aandachtspunt),
    "voorbeelden": (gettext_lazy("Voorbeelden"), _voorbeelden, _voorbeeld),
    "basisteams": (gettext_lazy("Basisteams"), _basisteams, _basisteam),
    "gesprekken": (gettext_lazy("Gesprekken"), _gesprekken, _gesprek),
    "antwoorden": (gettext_lazy("Answers in gesprekken"), _antwoorden, _antwoord),
    "afspraken": (gettext_lazy("Afspraken"), _afspraken, _afspraak),
}


def _kort(tekst: str) -> str:
    return Truncator(tekst).words(14)


def gevonden(groep: str, vraag: Zoekvraag, user: User) -> QuerySet:
    """Every hit of one group, ranked (for the group's own, paged list)."""
    return GROEPEN[groep][1](vraag, user)


def als_treffer(groep: str, obj, vraag: Zoekvraag) -> Treffer:
    return GROEPEN[groep][2](obj, vraag)


# Groups where a common word matches thousands of wide rows: counting them with a window
# over whole rows (every text column, joined to team and eenheid) cost more than the rest of
# the search together, so they count over (pk, rank) and fetch their few hits after.
SMAL_TELLEN = frozenset({"voorbeelden"})


def _eerste(groep: str, gevonden: QuerySet, aantal: int) -> tuple[list, int]:
    """The first `aantal` hits of a group, in order, and how many there are in all."""
    totaal = Window(Count("pk"))
    if groep not in SMAL_TELLEN:
        rijen = list(gevonden.annotate(_totaal=totaal)[:aantal])
        return rijen, rijen[0]._totaal if rijen else 0
    smal = list(gevonden.annotate(_totaal=totaal).values_list("pk", "_totaal")[:aantal])
    if not smal:
        return [], 0
    return list(gevonden.filter(pk__in=[pk for pk, _ in smal])), smal[0][1]


def zoek_alles(vraag: Zoekvraag, user: User, per_groep: int = PER_GROEP) -> list[Groep]:
    """The first hits of every group with its total: one query a group (the basisteams
    one more, for their gemeenten)."""
    groepen = []
    for naam, (label, zoeker, treffer) in GROEPEN.items():
        groep = Groep(naam, str(label), meer_url=meer_url(naam, vraag))
        if kan_zoeken(vraag):
            rijen, groep.totaal = _eerste(naam, zoeker(vraag, user), per_groep)
            groep.treffers = [treffer(rij, vraag) for rij in rijen]
        groepen.append(groep)
    return groepen


def _patroon(woorden: tuple[str, ...]) -> re.Pattern | None:
    """Each word, or its stem (Dutch search finds “wijkagent” for “wijkagenten”), anywhere
    in a word; the whole word is marked."""
    stammen = sorted(
        {woord[: max(4, len(woord) - 3)] if len(woord) > 5 else woord for woord in woorden},
        key=len,
        reverse=True,
    )
    if not stammen:
        return None
    return re.compile(r"\w*(?:" + "|".join(map(re.escape, stammen)) + r")\w*", re.IGNORECASE)


def markeer(vraag: Zoekvraag, *teksten: str, lengte: int = FRAGMENT) -> SafeString:
    """A fragment of the first text that holds a search word, around that word, every
    search word in it in `<mark>`; all else escaped, so stored text cannot inject markup."""
    patroon = _patroon(vraag.woorden)
    schoon = [" ".join(html.unescape(strip_tags(tekst or "")).split()) for tekst in teksten]
    tekst, treffer = next(
        ((t, m) for t in schoon if patroon and (m := patroon.search(t))),
        (next((t for t in schoon if t), ""), None),
    )
    begin = 0
    if treffer and treffer.start() > lengte // 3:
        begin = tekst.rfind(" ", 0, treffer.start() - lengte // 3) + 1
    stuk = tekst[begin : begin + lengte]
    if begin + lengte < len(tekst):
        stuk = stuk[: stuk.rfind(" ")] if " " in stuk else stuk
    delen, vorige = [], 0
    for m in patroon.finditer(stuk) if patroon else ():
        delen += [escape(stuk[vorige : m.start()]), f"<mark>{escape(m.group())}</mark>"]
        vorige = m.end()
    delen.append(escape(stuk[vorige:]))
    voor = "… " if begin else ""
    na = " …" if begin + len(stuk) < len(tekst) else ""
    return mark_safe(voor + "".join(str(deel) for deel in delen) + na)  # noqa: S308 (escaped)


LEXICON = """
    SELECT word FROM ts_stat($$
        SELECT to_tsvector('simple', titel || ' ' || samenvatting) FROM {opgave}
        UNION ALL SELECT to_tsvector('simple', tekst) FROM {aandachtspunt}
        UNION ALL SELECT to_tsvector('simple', titel || ' ' || samenvatting) FROM {voorbeeld}
            WHERE redactiestatus = 'gepubliceerd'
    $$)
"""
LEXICON_CACHE = "podium:zoeken:lexicon"
LEXICON_SECONDEN = 600  # a word published since is suggested at most ten minutes later


def lexicon() -> frozenset[str]:
    """Every word (lower case, as written) of the titles and summaries of the opgaven,
    aandachtspunten and published voorbeelden: what a suggestion may offer. Only public
    words, never one of a gesprek. Reading them all costs tens of milliseconds at national
    scale, so they are cached."""
    woorden = cache.get(LEXICON_CACHE)
    if woorden is None:
        sql = LEXICON.format(
            opgave=Opgave._meta.db_table,
            aandachtspunt=Aandachtspunt._meta.db_table,
            voorbeeld=Voorbeeld._meta.db_table,
        )
        with connection.cursor() as cursor:
            cursor.execute(sql)
            woorden = frozenset(rij[0] for rij in cursor.fetchall())
        cache.set(LEXICON_CACHE, woorden, LEXICON_SECONDEN)
    return woorden


def suggestie(vraag: Zoekvraag) -> str | None:
    """PostgreSQL: the search with each word that is not in the `lexicon` replaced by the
    most similar word that is (pg_trgm's similarity); None when nothing changes."""
    if not _postgresql() or not vraag.woorden:
        return None
    bekend = lexicon()
    onbekend = [woord for woord in vraag.woorden if woord not in bekend]
    if not onbekend:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT q.woord, (
                SELECT w FROM unnest(%s::text[]) AS w WHERE similarity(w, q.woord) >= 0.3
                ORDER BY similarity(w, q.woord) DESC, w LIMIT 1)
            FROM unnest(%s::text[]) AS q(woord)
            """,
            [sorted(bekend), onbekend],
        )
        beter = {woord: vervanging for woord, vervanging in cursor.fetchall() if vervanging}
    if not beter:
        return None
    return " ".join(beter.get(woord, woord) for woord in vraag.woorden)
