"""Fail when the nl catalogue is behind the code: a string that extraction would add or
drop, or a msgid without a Dutch msgstr. Part of `make check`."""

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

MAKEMESSAGES_OPTIONS = {
    "locale": ["nl"],
    "no_location": True,
    "no_obsolete": True,
    "ignore_patterns": [".venv", "tests", "staticfiles"],
    "verbosity": 0,
}


def catalogue_path() -> Path:
    return Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES" / "django.po"


def untranslated(po) -> list[str]:
    return [
        entry.msgid
        for entry in po
        if "fuzzy" in entry.flags
        or (entry.msgid_plural and not all(entry.msgstr_plural.values()))
        or (not entry.msgid_plural and not entry.msgstr)
    ]


def _keys(po) -> set[tuple[str, str, str]]:
    return {(e.msgctxt or "", e.msgid, e.msgid_plural or "") for e in po if not e.obsolete}


class Command(BaseCommand):
    help = "Check that the nl catalogue is complete and matches what extraction would give."

    def handle(self, *args, **options) -> None:
        import polib  # a test-group dependency, like this command

        path = catalogue_path()
        committed = polib.pofile(str(path))
        with tempfile.TemporaryDirectory() as tmp:
            backup = Path(tmp) / "django.po"
            shutil.copy2(path, backup)
            try:
                call_command("makemessages", **MAKEMESSAGES_OPTIONS)
                extracted = polib.pofile(str(path))
            finally:
                shutil.copy2(backup, path)

        problems = []
        for key in sorted(_keys(extracted) - _keys(committed)):
            problems.append(f"not in the catalogue: {key[1]!r}")
        for key in sorted(_keys(committed) - _keys(extracted)):
            problems.append(f"no longer in the code: {key[1]!r}")
        for msgid in untranslated(committed):
            problems.append(f"no Dutch translation: {msgid!r}")
        if committed.metadata_is_fuzzy:
            problems.append("the catalogue header is marked fuzzy")
        if problems:
            raise CommandError(
                "The nl catalogue needs work (run `make messages`, then translate):\n  "
                + "\n  ".join(problems)
            )
        self.stdout.write(self.style.SUCCESS(f"nl catalogue complete: {len(committed)} strings"))
