from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from opgaven import urls as opgaven_urls
from opgaven import views as opgaven_views
from teams import meldingen

from . import views, zoekpagina

admin.site.site_header = _("Podium administration")
admin.site.site_title = _("Podium administration")
admin.site.index_title = _("Content and organisation")
# The admin's own login form would bypass allauth's rate limits and e-mail verification.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", views.home, name="home"),
    path("opgaven/", include("opgaven.urls")),
    path("over-ggp/", opgaven_views.over_ggp, name="over_ggp"),
    path("voorbeelden/", include("voorbeelden.urls")),
    path("gesprekken/", include("gesprekken.urls")),
    path("teams/", include("teams.urls")),
    # A team's gesprekken and afspraken (/teams/<slug>/gesprekken/, /teams/<slug>/afspraken/).
    path("teams/<slug:slug>/", include("gesprekken.team_urls")),
    # The team agenda is a team's choice of opgaven: the view lives with the opgaven.
    path("teams/<slug:slug>/agenda/", include(opgaven_urls.agenda)),
    path("landelijk-beeld/", include("podium.landelijk.urls")),
    path("accounts/meldingen/", meldingen.meldingen, name="meldingen"),
    path("accounts/meldingen/afmelden/<str:token>/", meldingen.afmelden, name="afmelden"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("health/", views.health, name="health"),
    path("zoeken/", zoekpagina.zoeken, name="zoeken"),
]

# 500.html with the site's name but without the request's context (see podium.fouten).
handler500 = "podium.fouten.server_error"
