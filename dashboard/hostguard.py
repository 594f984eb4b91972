"""A small ASGI layer in front of Streamlit: requests for another host are refused, and pages cannot be framed.

DNS rebinding: a web page on ``attacker.test`` can make its own name resolve to 127.0.0.1 and then talk to a
dashboard listening on localhost — the browser still sends ``Host: attacker.test``. Streamlit's own
``server.allowedHosts`` (set in ``.streamlit/config.toml``) checks that header on the WebSocket only; this layer
checks it on every HTTP request and WebSocket, and adds ``X-Frame-Options: DENY`` and a Content-Security-Policy
(nothing framed, nothing loaded from other sites) to every response. Streamlit offers no setting for those
headers; it does run user middleware through ``st.App`` (``dashboard/serve.py``), which is how this is installed.

Allowed hosts: ``localhost``, ``127.0.0.1``, ``::1`` and the address the server was started on
(``server.address``), whatever the port; ``STORYSCOPE_ALLOWED_HOSTS`` (comma-separated) adds more, e.g. the
name of a reverse proxy.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

ALLOWED_HOSTS_ENV = "STORYSCOPE_ALLOWED_HOSTS"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
#: Everything from this server only; inline scripts/styles and eval are Streamlit's and plotly's own needs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; worker-src 'self' blob:; "
    "frame-src 'self' blob: data:; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
SECURITY_HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def host_name(header: str) -> str:
    """The host of a ``Host`` header, lower case, without its port: ``[::1]:8501`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header  # a bare IPv6 address, or a name without a port


def allowed_hosts(configured_address: str | None = None) -> frozenset[str]:
    """The hosts the dashboard answers to: the local names, the configured address and $STORYSCOPE_ALLOWED_HOSTS."""
    extra = {h.strip() for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip()}
    address = (configured_address or "").strip()
    hosts = set(LOCAL_HOSTS) | {host_name(h) for h in extra}
    if address and address not in ("0.0.0.0", "::"):  # listening everywhere names no host
        hosts.add(host_name(address))
    return frozenset(hosts)


def _configured_address() -> str | None:
    try:
        from streamlit import config

        return config.get_option("server.address")
    except Exception:  # noqa: BLE001 - outside Streamlit: only the local names
        return None


class HostGuard:
    """ASGI middleware: refuses requests whose Host is not allowed (403), adds the security headers."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self._hosts = hosts

    @property
    def hosts(self) -> frozenset[str]:
        if self._hosts is None:  # read once the server's configuration is loaded
            self._hosts = allowed_hosts(_configured_address())
        return self._hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"), "")
        if host_name(header) not in self.hosts:
            await _refuse(scope, send, header)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] in ("http.response.start", "websocket.accept"):
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in dict(SECURITY_HEADERS)]
                message["headers"] = headers + list(SECURITY_HEADERS) if message["type"] == "http.response.start" \
                    else headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(scope: Scope, send: Send, header: str) -> None:
    body = (f"Host {header!r} is not allowed: open the dashboard at http://localhost (or the address it was "
            "started on).\n").encode("utf-8", "replace")
    if scope["type"] == "websocket":
        # Refusing before accepting: servers answer the upgrade with 403.
        await send({"type": "websocket.http.response.start", "status": 403,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS]})
        await send({"type": "websocket.http.response.body", "body": body})
        return
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


__all__ = ["ALLOWED_HOSTS_ENV", "CONTENT_SECURITY_POLICY", "HostGuard", "allowed_hosts", "host_name"]
