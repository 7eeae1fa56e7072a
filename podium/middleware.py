from django.utils.cache import add_never_cache_headers, patch_cache_control


class PrivatePagesMiddleware:
    """Pages of a logged-in user may show team-private data: no cache, shared or local,
    may keep them (a shared police workstation, a proxy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
