from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams and people")

    def ready(self) -> None:
        from allauth.account.signals import password_reset
        from simple_history.signals import pre_create_historical_record

        from .historie import neem_leden_op
        from .models import Cluster
        from .services import markeer_email_geverifieerd

        password_reset.connect(markeer_email_geverifieerd, dispatch_uid="teams_reset_verifies")
        pre_create_historical_record.connect(
            neem_leden_op, sender=Cluster.history.model, dispatch_uid="teams_cluster_leden"
        )
