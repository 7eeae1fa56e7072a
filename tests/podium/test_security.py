"""The security baseline: headers on every response, and the production settings."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from podium import settings as podium_settings

pytestmark = pytest.mark.django_db


def test_every_page_sends_csp_frame_referrer_and_nosniff_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp  # plus a nonce on pages that use one
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_or_style_in_the_pages(client, collega):
    client.force_login(collega)
    for url in [
        "/",
        "/opgaven/",
        "/opgaven/vernieuwend-werken/",
        "/over-ggp/",
        "/accounts/password/change/",
    ]:
        html = client.get(url).content.decode()
        assert "<style" not in html
        assert " style=" not in html
        assert "<script>" not in html


def test_pages_of_logged_in_users_are_not_cached(client, collega):
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    client.force_login(collega)
    cache_control = client.get("/").get("Cache-Control", "")
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_health_reports_database_and_cache(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-enough-0123456789",
    "ALLOWED_HOSTS": "podium.example.nl",
    # An absolute path outside the work tree: `check` may create the file.
    "DATABASE_URL": "sqlite:////tmp/podium-prod-check.sqlite3",
}


def _run_in_production(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_values():
    result = _run_in_production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_strict():
    result = _run_in_production(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s;"
        " print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.DEBUG,"
        " s.MAILERS['default']['BACKEND'])",
    )
    assert result.stdout.splitlines()[-1].split() == [
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "False",
        "django.core.mail.backends.smtp.EmailBackend",
    ]


@pytest.mark.parametrize(
    "opdracht",
    [
        ["manage.py", "check", "--deploy"],
        ["-c", "import podium.wsgi"],
        ["-c", "import podium.asgi"],
    ],
)
def test_without_a_secret_key_production_refuses_to_start(opdracht):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, *opdracht], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_without_a_secret_key_migration_tooling_still_runs():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.parametrize(
    ("helper", "value", "default", "expected"),
    [
        (podium_settings.env_bool, "yes", False, True),
        (podium_settings.env_bool, "0", True, False),
        (podium_settings.env_int, "42", 0, 42),
        (podium_settings.env_list, "a.nl, b.nl,", [], ["a.nl", "b.nl"]),
    ],
)
def test_env_helpers_read_values(monkeypatch, helper, value, default, expected):
    monkeypatch.setenv("PODIUM_TEST_VALUE", value)
    assert helper("PODIUM_TEST_VALUE", default) == expected


@pytest.mark.parametrize(
    ("helper", "value"),
    [(podium_settings.env_bool, "misschien"), (podium_settings.env_int, "veel")],
)
def test_env_helpers_fail_loudly_on_bad_values(monkeypatch, helper, value):
    monkeypatch.setenv("PODIUM_TEST_VALUE", value)
    with pytest.raises(ImproperlyConfigured, match="PODIUM_TEST_VALUE"):
        helper("PODIUM_TEST_VALUE", 0)


def test_database_url_postgres():
    db = podium_settings.database_from_url(
        "postgres://podium:geheim%21@db.local:5433/podium?sslmode=require"
    )
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "podium",
        "podium",
        "geheim!",
        "db.local",
        "5433",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}


def test_database_url_sqlite_relative_and_absolute():
    assert (
        podium_settings.database_from_url("sqlite:///db.sqlite3")["NAME"]
        == podium_settings.BASE_DIR / "db.sqlite3"
    )
    assert (
        str(podium_settings.database_from_url("sqlite:////srv/podium/p.sqlite3")["NAME"])
        == "/srv/podium/p.sqlite3"
    )


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host/", "sqlite://"])
def test_database_url_rejects_what_it_cannot_use(url):
    with pytest.raises(ImproperlyConfigured):
        podium_settings.database_from_url(url)


def _settings_with(env: dict, expression: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "EMAIL_BACKEND"}}
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", expression],
        env={**base, "DEBUG": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_cache_is_redis_with_redis_url_and_the_database_without():
    show = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    with_redis = _settings_with({"REDIS_URL": "redis://127.0.0.1:6379/1"}, show)
    assert with_redis.stdout.split()[-1] == "django.core.cache.backends.redis.RedisCache"
    without = _settings_with({}, show)
    assert without.stdout.split()[-1] == "django.core.cache.backends.db.DatabaseCache"


def test_a_bad_redis_url_stops_the_start_up():
    result = _settings_with(
        {"REDIS_URL": "localhost:6379"}, "from django.conf import settings; settings.CACHES"
    )
    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr


def test_demo_mail_goes_to_the_console():
    show = "from django.conf import settings as s; print(s.MAILERS['default']['BACKEND'])"
    assert _settings_with({}, show).stdout.split()[-1] == (
        "django.core.mail.backends.console.EmailBackend"
    )
