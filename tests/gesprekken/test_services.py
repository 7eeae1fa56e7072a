"""The rules of a gesprek, tested on the services: questions as asked, history, conflicts,
the “top 3”, status transitions and what carries over to the next gesprek."""

import datetime
import importlib

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.versies import Conflict
from gesprekken import services
from gesprekken.models import (
    Afspraak,
    AfspraakStatus,
    Antwoord,
    Gesprek,
    Status,
    volgende_statussen,
)
from opgaven.models import Gespreksvraag, Opgave

pytestmark = pytest.mark.django_db


def _top3(gesprek) -> Antwoord:
    return gesprek.antwoorden.get(vraag__soort=Gespreksvraag.Soort.TOP3)


def _open(gesprek, volgorde=1) -> Antwoord:
    return gesprek.antwoorden.get(volgorde=volgorde)


class TestQuestionsAsAsked:
    def test_a_new_gesprek_gets_the_active_questions_in_order(self, gesprek, leidraad):
        vragen = list(
            leidraad.vragen.actief().order_by("volgorde").values_list("tekst", flat=True)
        )
        assert list(gesprek.antwoorden.values_list("vraag_tekst", flat=True)) == vragen
        assert list(gesprek.antwoorden.values_list("volgorde", flat=True)) == [1, 2, 3]
        assert _top3(gesprek).vraag_tekst.startswith("Wat zijn de drie dingen")

    def test_archived_and_reworded_questions_keep_their_text_in_old_gesprekken(
        self, maak_gesprek, gesprek, leidraad
    ):
        vraag = leidraad.vragen.get(volgorde=2)
        oude_tekst = vraag.tekst
        services.leg_antwoord_vast(_open(gesprek, 2), None, 1, "Tijd en ruimte.")
        vraag.tekst = "Een herschreven vraag"
        vraag.gearchiveerd = True
        vraag.save()

        oud = gesprek.antwoorden.get(vraag=vraag)
        assert (oud.vraag_tekst, oud.tekst) == (oude_tekst, "Tijd en ruimte.")
        nieuw = maak_gesprek(titel="Later gesprek")
        assert not nieuw.antwoorden.filter(vraag=vraag).exists()
        assert nieuw.antwoorden.count() == 2
        assert list(nieuw.antwoorden.values_list("volgorde", flat=True)) == [1, 2]

    def test_one_answer_per_question(self, gesprek):
        antwoord = _open(gesprek)
        with pytest.raises(IntegrityError), transaction.atomic():
            Antwoord.objects.create(
                gesprek=gesprek, vraag=antwoord.vraag, vraag_tekst="dubbel", volgorde=9
            )


class TestAnswers:
    def test_every_change_keeps_the_previous_text_with_who_and_when(
        self, gesprek, teamchef, gespreksleider
    ):
        antwoord = _open(gesprek)
        assert not antwoord.history.exists()  # unanswered: no history yet
        assert services.leg_antwoord_vast(antwoord, gespreksleider, 1, "Eerste tekst")
        assert not antwoord.eerdere_versies()  # nothing was there before
        assert services.leg_antwoord_vast(antwoord, teamchef, 2, "Tweede tekst")
        antwoord.refresh_from_db()
        assert (antwoord.tekst, antwoord.versie, antwoord.bijgewerkt_door) == (
            "Tweede tekst",
            3,
            teamchef,
        )
        (versie,) = antwoord.eerdere_versies()
        assert (versie.tekst, versie.door, versie.vervangen_door) == (
            "Eerste tekst",
            gespreksleider,
            teamchef,
        )
        assert versie.op <= versie.vervangen_op
        rijen = antwoord.history.order_by("history_date", "history_id")
        assert [(r.tekst, r.versie, r.history_user) for r in rijen] == [
            ("Eerste tekst", 2, gespreksleider),
            ("Tweede tekst", 3, teamchef),
        ]
        assert {r.history_change_reason for r in rijen} == {str(services.REDEN_ANTWOORD)}

    def test_saving_the_same_text_changes_nothing(self, gesprek, teamchef):
        antwoord = _open(gesprek)
        services.leg_antwoord_vast(antwoord, teamchef, 1, "Tekst")
        assert not services.leg_antwoord_vast(antwoord, teamchef, 2, "Tekst")
        antwoord.refresh_from_db()
        assert antwoord.versie == 2
        assert antwoord.history.count() == 1
        assert not antwoord.eerdere_versies()

    def test_the_second_of_two_editors_gets_a_conflict_with_the_saved_text(
        self, gesprek, teamchef, gespreksleider
    ):
        antwoord = _open(gesprek)
        services.leg_antwoord_vast(antwoord, gespreksleider, 1, "Van de gespreksleider")
        with pytest.raises(Conflict) as conflict:
            services.leg_antwoord_vast(antwoord, teamchef, 1, "Van de teamchef")
        assert conflict.value.huidig.tekst == "Van de gespreksleider"
        antwoord.refresh_from_db()
        assert antwoord.tekst == "Van de gespreksleider"
        # Knowing the newer version, the save replaces it; the first text stays in history.
        services.leg_antwoord_vast(antwoord, teamchef, conflict.value.huidig.versie, "Samen")
        assert [v.tekst for v in antwoord.eerdere_versies()] == ["Van de gespreksleider"]

    def test_nothing_is_recorded_in_a_completed_gesprek(self, gesprek, teamchef):
        services.zet_status(gesprek, Status.GEVOERD, heropenen=False)
        services.zet_status(gesprek, Status.AFGEROND, heropenen=False)
        with pytest.raises(services.GesprekAfgerond):
            services.leg_antwoord_vast(_open(gesprek), teamchef, 1, "Te laat")
        with pytest.raises(services.GesprekAfgerond):
            services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Te laat"}])


class TestStatus:
    def test_transitions_are_forward_one_step_and_back_only_when_reopening(self):
        assert volgende_statussen("gepland", heropenen=False) == [Status.GEVOERD]
        assert volgende_statussen("gevoerd", heropenen=False) == [Status.AFGEROND]
        assert volgende_statussen("afgerond", heropenen=False) == []
        assert volgende_statussen("gepland", heropenen=True) == [Status.GEVOERD]
        assert volgende_statussen("afgerond", heropenen=True) == [Status.GEVOERD]
        assert volgende_statussen("gevoerd", heropenen=True) == [Status.AFGEROND, Status.GEPLAND]

    @pytest.mark.parametrize(
        ("van", "naar", "heropenen"),
        [
            ("gepland", "afgerond", True),  # no skipping
            ("gevoerd", "gepland", False),  # back only when reopening
            ("afgerond", "gepland", True),  # back one step at a time
            ("gepland", "onzin", True),
        ],
    )
    def test_other_moves_are_refused(self, gesprek, van, naar, heropenen):
        Gesprek.objects.filter(pk=gesprek.pk).update(status=van)
        gesprek.refresh_from_db()
        with pytest.raises(services.OngeldigeOvergang):
            services.zet_status(gesprek, naar, heropenen=heropenen)
        gesprek.refresh_from_db()
        assert gesprek.status == van

    def test_a_stale_status_change_is_a_conflict(self, gesprek):
        verouderd = Gesprek.objects.get(pk=gesprek.pk)
        services.zet_status(gesprek, Status.GEVOERD, heropenen=False)
        with pytest.raises(Conflict):
            services.zet_status(verouderd, Status.GEVOERD, heropenen=False)
        gesprek.refresh_from_db()
        assert (gesprek.status, gesprek.versie) == ("gevoerd", 2)

    def test_every_change_of_the_gesprek_is_in_its_history(self, gesprek, teamchef):
        (gemaakt,) = gesprek.history.all()
        assert (gemaakt.history_type, gemaakt.history_user) == ("+", teamchef)
        kort = {"samenvatting": "Kort."}
        assert services.werk_gesprek_bij(gesprek, 1, kort, door=teamchef) == 2
        # The same again, and the same opgaven: no new version, no history row.
        opgaven = list(gesprek.opgaven.all())
        assert services.werk_gesprek_bij(gesprek, 2, kort, opgaven, door=teamchef) == 2
        assert services.werk_gesprek_bij(gesprek, 2, {}, opgaven[:1], door=teamchef) == 3
        services.zet_status(gesprek, Status.GEVOERD, heropenen=False, door=teamchef)
        assert gesprek.versie == 4
        rijen = gesprek.history.order_by("history_date", "history_id")
        assert [(r.versie, r.status, r.samenvatting, r.history_user) for r in rijen] == [
            (1, "gepland", "", teamchef),
            (2, "gepland", "Kort.", teamchef),
            (3, "gepland", "Kort.", teamchef),
            (4, "gevoerd", "Kort.", teamchef),
        ]
        assert [r.history_change_reason for r in rijen] == [
            str(services.REDEN_GESPREK_GEMAAKT),
            str(services.REDEN_GESPREK_BIJGEWERKT),
            str(services.REDEN_GESPREK_BIJGEWERKT),
            str(services.REDEN_STATUS),
        ]
        assert list(gesprek.opgaven.all()) == opgaven[:1]

    def test_the_details_use_an_optimistic_lock(self, gesprek):
        velden = {"titel": "Nieuwe titel", "samenvatting": "Kort."}
        assert services.werk_gesprek_bij(gesprek, 1, velden, []) == 2
        with pytest.raises(Conflict) as conflict:
            services.werk_gesprek_bij(gesprek, 1, {"titel": "Oud"}, [])
        assert conflict.value.huidig.titel == "Nieuwe titel"
        gesprek.refresh_from_db()
        assert (gesprek.titel, gesprek.opgaven.count()) == ("Nieuwe titel", 0)
        with pytest.raises(ValueError, match="basisteam"):
            services.werk_gesprek_bij(gesprek, 2, {"basisteam": 1}, [])


class TestAfspraken:
    def test_a_top3_question_holds_at_most_three(self, gesprek, teamchef):
        vraag = _top3(gesprek).vraag
        regels = [{"omschrijving": f"Ding {n}"} for n in range(1, 3)]
        services.maak_afspraken(gesprek, teamchef, regels, vraag=vraag)
        with pytest.raises(services.TeVeelAfspraken) as fout:
            services.maak_afspraken(gesprek, teamchef, regels, vraag=vraag)
        assert fout.value.ruimte == 1
        services.maak_afspraken(gesprek, teamchef, regels[:1], vraag=vraag)
        assert Afspraak.objects.filter(gesprek=gesprek, vraag=vraag).count() == 3
        # Afspraken outside the top 3 are not limited.
        services.maak_afspraken(gesprek, teamchef, regels * 3)
        assert gesprek.afspraken.count() == 9

    def test_a_question_of_another_gesprek_is_refused(self, gesprek, maak_gesprek, teamchef):
        ander = maak_gesprek(
            leidraad=gesprek.leidraad.__class__.objects.get(slug="externe-opgaven")
        )
        with pytest.raises(ValueError, match="not part"):
            services.maak_afspraken(
                ander, teamchef, [{"omschrijving": "x"}], vraag=_top3(gesprek).vraag
            )

    def test_creation_and_changes_are_in_the_history(self, gesprek, teamchef, gespreksleider):
        opgave = Opgave.objects.get(nummer=5)
        (afspraak,) = services.maak_afspraken(
            gesprek,
            gespreksleider,
            [{"omschrijving": "Wijkschouw", "eigenaar": "Carla", "opgave": opgave}],
        )
        assert (afspraak.basisteam, afspraak.status, afspraak.versie) == (
            gesprek.basisteam,
            "open",
            1,
        )
        assert services.werk_afspraak_bij(
            afspraak, teamchef, 1, {"status": AfspraakStatus.LOOPT, "opgave": None}
        )
        assert not services.werk_afspraak_bij(afspraak, teamchef, 2, {"status": "loopt"})
        with pytest.raises(Conflict) as conflict:
            services.werk_afspraak_bij(afspraak, gespreksleider, 1, {"omschrijving": "Anders"})
        assert conflict.value.huidig.status == "loopt"
        gemaakt = str(services.REDEN_AFSPRAAK_GEMAAKT)
        gewijzigd = str(services.REDEN_AFSPRAAK_BIJGEWERKT)
        regels = list(
            afspraak.history.order_by("history_date", "history_id").values_list(
                "history_type",
                "status",
                "opgave__nummer",
                "history_user__naam",
                "opgevolgd_in",
                "versie",
                "history_change_reason",
            )
        )
        assert regels == [
            ("+", "open", 5, "Gijs Gespreksleider", gesprek.pk, 1, gemaakt),
            ("~", "loopt", None, "Tom Teamchef", None, 2, gewijzigd),
        ]

    def test_overdue_means_past_the_target_date_and_not_done(self, gesprek, teamchef):
        gisteren = timezone.localdate() - datetime.timedelta(days=1)
        te_laat, klaar, zonder = services.maak_afspraken(
            gesprek,
            teamchef,
            [
                {"omschrijving": "Te laat", "streefdatum": gisteren},
                {"omschrijving": "Klaar", "streefdatum": gisteren},
                {"omschrijving": "Zonder datum"},
            ],
        )
        services.werk_afspraak_bij(klaar, teamchef, 1, {"status": AfspraakStatus.KLAAR})
        klaar.refresh_from_db()
        assert [a.is_over_tijd for a in (te_laat, klaar, zonder)] == [True, False, False]
        assert list(Afspraak.objects.over_tijd()) == [te_laat]


class TestCarryOver:
    def test_open_afspraken_of_earlier_gesprekken_come_back_until_done(
        self, maak_gesprek, gesprek, teamchef, ander_team
    ):
        open_, loopt, klaar, vervallen = services.maak_afspraken(
            gesprek, teamchef, [{"omschrijving": s} for s in ("open", "loopt", "klaar", "weg")]
        )
        for afspraak, status in [(loopt, "loopt"), (klaar, "klaar"), (vervallen, "vervallen")]:
            services.werk_afspraak_bij(afspraak, teamchef, 1, {"status": status})
        volgende = maak_gesprek(titel="Volgende", datum=gesprek.datum + datetime.timedelta(30))
        assert list(services.openstaande_afspraken(volgende, teamchef)) == [open_, loopt]
        # …and the one after that still shows what is not finished.
        derde = maak_gesprek(titel="Derde", datum=gesprek.datum + datetime.timedelta(60))
        assert set(services.openstaande_afspraken(derde, teamchef)) == {open_, loopt}
        # Not in the gesprek itself, nor in an earlier one or another team's.
        assert not services.openstaande_afspraken(gesprek, teamchef).exists()
        eerder = maak_gesprek(titel="Eerder", datum=gesprek.datum - datetime.timedelta(30))
        assert not services.openstaande_afspraken(eerder, teamchef).exists()
        elders = maak_gesprek(team=ander_team, datum=gesprek.datum + datetime.timedelta(30))
        assert not services.openstaande_afspraken(elders, teamchef).exists()

    def test_an_afspraak_closed_in_the_next_gesprek_stays_visible_there(
        self, maak_gesprek, gesprek, teamchef
    ):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        volgende = maak_gesprek(titel="Volgende", datum=gesprek.datum + datetime.timedelta(7))
        services.werk_afspraak_bij(
            afspraak, teamchef, 1, {"status": AfspraakStatus.KLAAR}, in_gesprek=volgende
        )
        assert list(services.openstaande_afspraken(volgende, teamchef)) == [afspraak]
        laatste = afspraak.history.first()
        assert (laatste.opgevolgd_in, laatste.history_change_reason) == (
            volgende,
            str(services.REDEN_AFSPRAAK_OPGEVOLGD),
        )
        latere = maak_gesprek(titel="Latere", datum=gesprek.datum + datetime.timedelta(14))
        assert not services.openstaande_afspraken(latere, teamchef).exists()

    def test_a_gesprek_on_the_same_day_counts_by_creation(self, maak_gesprek, gesprek, teamchef):
        services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        zelfde_dag = maak_gesprek(titel="Middag")
        assert services.openstaande_afspraken(zelfde_dag, teamchef).count() == 1

    def test_following_up_in_another_teams_or_a_completed_gesprek_is_refused(
        self, maak_gesprek, gesprek, teamchef, ander_team
    ):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        elders = maak_gesprek(team=ander_team)
        with pytest.raises(ValueError, match="own team"):
            services.werk_afspraak_bij(
                afspraak, teamchef, 1, {"status": "klaar"}, in_gesprek=elders
            )
        volgende = maak_gesprek(titel="Volgende")
        Gesprek.objects.filter(pk=volgende.pk).update(status=Status.AFGEROND)
        volgende.refresh_from_db()
        with pytest.raises(services.GesprekAfgerond):
            services.werk_afspraak_bij(
                afspraak, teamchef, 1, {"status": "klaar"}, in_gesprek=volgende
            )


class TestAsAsked:
    def test_a_new_gesprek_copies_kind_explanation_and_introduction(self, maak_gesprek, leidraad):
        leidraad.inleiding = "Neem de tijd."
        leidraad.save()
        leidraad.vragen.filter(volgorde=1).update(toelichting="Denk aan de wijk.")
        gesprek = maak_gesprek()
        assert gesprek.leidraad_inleiding == "Neem de tijd."
        een, twee, top3 = gesprek.antwoorden.order_by("volgorde")
        assert (een.vraag_toelichting, twee.vraag_toelichting) == ("Denk aan de wijk.", "")
        assert [a.soort for a in (een, twee, top3)] == ["open", "open", "top3"]

    def test_an_answer_keeps_its_kind_when_the_question_changes(self, gesprek, teamchef):
        top3 = _top3(gesprek)
        Gespreksvraag.objects.filter(pk=top3.vraag_id).update(soort=Gespreksvraag.Soort.OPEN)
        Gespreksvraag.objects.filter(pk=_open(gesprek).vraag_id).update(
            soort=Gespreksvraag.Soort.TOP3
        )
        een, _twee, top3 = Antwoord.objects.filter(gesprek=gesprek).order_by("volgorde")
        assert (een.is_top3, top3.is_top3) == (False, True)
        # The drie dingen can still be recorded under it, and only under it.
        services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}], vraag=top3.vraag)
        with pytest.raises(ValueError, match="not part"):
            services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "x"}], vraag=een.vraag)

    def test_the_migration_fills_existing_gesprekken(self, gesprek, leidraad):
        from django.apps import apps

        migratie = importlib.import_module("gesprekken.migrations.0004_vul_vraag_als_gesteld")
        leidraad.inleiding = "Neem de tijd."
        leidraad.save()
        leidraad.vragen.filter(volgorde=1).update(toelichting="Denk aan de wijk.")
        # As the rows stood before the fields existed.
        Antwoord.objects.update(soort=Gespreksvraag.Soort.OPEN, vraag_toelichting="")
        Gesprek.objects.update(leidraad_inleiding="")
        migratie.vul_als_gesteld(apps, None)
        gesprek.refresh_from_db()
        assert gesprek.leidraad_inleiding == "Neem de tijd."
        assert list(
            gesprek.antwoorden.order_by("volgorde").values_list("soort", "vraag_toelichting")
        ) == [("open", "Denk aan de wijk."), ("open", ""), ("top3", "")]


class TestACompletedGesprekKeepsWhatWasAgreed:
    @pytest.fixture
    def afspraak(self, gesprek, teamchef):
        (afspraak,) = services.maak_afspraken(
            gesprek, teamchef, [{"omschrijving": "Doen", "opgave": Opgave.objects.get(nummer=1)}]
        )
        Gesprek.objects.filter(pk=gesprek.pk).update(status=Status.AFGEROND)
        return afspraak

    @pytest.mark.parametrize(
        "velden",
        [
            {"omschrijving": "Anders"},
            {"opgave": None},
            {"status": "klaar", "omschrijving": "Anders"},
        ],
    )
    def test_what_was_agreed_is_refused(self, afspraak, teamchef, velden):
        with pytest.raises(services.GesprekAfgerond):
            services.werk_afspraak_bij(afspraak, teamchef, 1, velden)
        afspraak.refresh_from_db()
        assert (afspraak.omschrijving, afspraak.status, afspraak.versie) == ("Doen", "open", 1)

    def test_the_follow_up_goes_on(self, afspraak, teamchef):
        velden = {
            "omschrijving": "Doen",  # unchanged: no change to refuse
            "status": "loopt",
            "eigenaar": "gemeente",
            "streefdatum": datetime.date(2026, 6, 1),
        }
        assert services.werk_afspraak_bij(afspraak, teamchef, 1, velden)
        afspraak.refresh_from_db()
        assert (afspraak.status, afspraak.eigenaar) == ("loopt", "gemeente")
