"""The 500 page. Django's own view renders 500.html without any context, because the
request's context processors may be what failed (a database that is down); this one adds
only the site's name, from the settings, so the page has the portal's header."""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


@requires_csrf_token
def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponseServerError:
    try:
        html = loader.get_template(template_name).render({"site_name": settings.SITE_NAME})
    except Exception:
        # The page of last resort must never fail itself.
        logger.exception("500.html could not be rendered")
        titel = _("Something went wrong")
        html = f'<!DOCTYPE html><html lang="nl"><title>{titel}</title><h1>{titel}</h1></html>'
    return HttpResponseServerError(html)
