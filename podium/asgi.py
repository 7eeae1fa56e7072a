import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "podium.settings")
from podium.checks import vereis_secret_key

vereis_secret_key()
application = get_asgi_application()
