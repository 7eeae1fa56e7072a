from django.conf import settings


def site(request) -> dict:
    return {"site_name": settings.SITE_NAME, "signup_open": settings.ACCOUNT_SIGNUP_OPEN}
