from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Accounts are made by a beheerder; a deployment may open sign-up with a setting.
        return settings.ACCOUNT_SIGNUP_OPEN
