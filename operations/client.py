"""The client's address, read through the configured number of trusted proxies.

Each proxy appends the address it received the request from to ``X-Forwarded-For``,
so with N trusted proxies in front the client is the Nth address from the right of
the chain ``X-Forwarded-For + [REMOTE_ADDR]`` (REMOTE_ADDR being the nearest proxy).
Anything further left was written by the client itself and is not trusted.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def forwarded_client(forwarded_for: str, remote_addr: str, trusted_proxies: int) -> str:
    """The address ``trusted_proxies`` hops back from ``remote_addr``.

    A shorter chain than expected (a request that bypassed the proxy) gives its first
    address; an entry that is not an IP address gives ``remote_addr``.
    """
    chain = [part.strip() for part in forwarded_for.split(",") if part.strip()]
    chain.append(remote_addr)
    candidate = chain[max(len(chain) - 1 - trusted_proxies, 0)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


def client_address(request: HttpRequest) -> str:
    """The address django-axes and anything else that needs the client's uses."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    if settings.ARCHIVE_TRUSTED_PROXIES == 0:
        return remote_addr
    return forwarded_client(
        request.META.get("HTTP_X_FORWARDED_FOR", ""), remote_addr, settings.ARCHIVE_TRUSTED_PROXIES
    )
