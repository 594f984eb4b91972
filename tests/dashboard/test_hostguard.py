"""dashboard/hostguard.py and dashboard/serve.py: DNS rebinding refused, pages never framed.

The server test starts the real dashboard (``streamlit run dashboard/serve.py``) and sends real requests with
a chosen ``Host`` header, as a rebinding page's browser would.
"""

from __future__ import annotations

import base64
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard.hostguard import allowed_hosts, host_name

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("header", "host"),
    [("localhost:8501", "localhost"), ("127.0.0.1", "127.0.0.1"), ("[::1]:8501", "::1"), ("::1", "::1"),
     ("LocalHost:80", "localhost"), ("rebind.attacker.test:8501", "rebind.attacker.test"), ("", "")],
)
def test_host_names_lose_their_port(header, host):
    assert host_name(header) == host


def test_allowed_hosts_are_the_local_names_and_the_configured_address(monkeypatch):
    monkeypatch.delenv("STORYSCOPE_ALLOWED_HOSTS", raising=False)
    assert allowed_hosts(None) == {"localhost", "127.0.0.1", "::1"}
    assert allowed_hosts("192.168.1.20") == {"localhost", "127.0.0.1", "::1", "192.168.1.20"}
    assert allowed_hosts("0.0.0.0") == {"localhost", "127.0.0.1", "::1"}  # "everywhere" is no host name
    monkeypatch.setenv("STORYSCOPE_ALLOWED_HOSTS", "news.example.org, Proxy.Local:443")
    assert allowed_hosts(None) == {"localhost", "127.0.0.1", "::1", "news.example.org", "proxy.local"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostguard")
    port = _free_port()
    log = (data / "streamlit.log").open("wb")
    env = {**os.environ, "STORYSCOPE_DATA": str(data), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/serve.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail((data / "streamlit.log").read_text(errors="replace"))
            try:
                if _request(port, "/_stcore/health", "localhost")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the dashboard did not start")
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _request(port: int, path: str, host: str, headers: dict[str, str] | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    result = response.status, dict(response.getheaders()), response.read() if response.status != 101 else b""
    connection.close()
    return result


UPGRADE = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
           "Sec-WebSocket-Key": base64.b64encode(b"storyscope-test!").decode()}


@pytest.mark.slow
@pytest.mark.parametrize("host", ["rebind.attacker.test", "rebind.attacker.test:8501", "192.168.1.20", "[::2]"])
def test_a_request_for_another_host_is_refused(server, host):
    status, headers, body = _request(server, "/", host)
    assert status == 403
    assert b"is not allowed" in body
    assert headers["x-frame-options"] == "DENY"
    status, _, _ = _request(server, "/_stcore/stream", host, UPGRADE)
    assert status == 403  # the WebSocket that carries the app is never opened


@pytest.mark.slow
@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_local_hosts_are_served_with_security_headers(server, host):
    status, headers, body = _request(server, "/", f"{host}:{server}")
    assert status == 200 and b"<html" in body.lower()
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]
    status, _, _ = _request(server, "/_stcore/stream", f"{host}:{server}", UPGRADE)
    assert status == 101
