import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "podium.settings")
from podium.checks import vereis_secret_key

vereis_secret_key()
application = get_wsgi_application()
