"""Groups and their model permissions, granted from data migrations.

Django creates permissions after all migrations ran; a migration that hands them to a group
must create them first. Each app's migration grants its own models, so the groups grow with
the apps and no app reaches into another's tables.
"""

from django.contrib.auth.management import create_permissions

REDACTIE = "Redactie"
BEHEER = "Beheer"


def grant(apps, group_name: str, app_label: str, codenames: list[str]) -> None:
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    # The models as this migration knows them (`apps`), not as the code has them today: a
    # model removed later still gets its permissions when the old migration runs.
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    perms = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    missing = set(codenames) - set(perms.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"Unknown permissions for {app_label}: {sorted(missing)}")
    group.permissions.add(*perms)


def all_codenames(models: list[str], actions=("add", "change", "delete", "view")) -> list[str]:
    return [f"{action}_{model}" for model in models for action in actions]
