"""The SMTP sender against a real SMTP server (aiosmtpd) on this machine."""
import os
import socket
import time

from aiosmtpd.controller import Controller

from conftest import csrf_token, start_server


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_reset_link_is_mailed_through_smtp(acuback, demo_sqlite_url, tmp_path, monkeypatch):
    import requests

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        monkeypatch.setenv("ACUBACK_SMTP_URL", f"smtp://127.0.0.1:{controller.port}")
        monkeypatch.setenv("ACUBACK_MAIL_FROM", "clinic@acuback.example")
        monkeypatch.setenv("ACUBACK_PUBLIC_URL", "https://clinic.acuback.example")
        server = start_server(acuback, demo_sqlite_url, "--demo", cwd=tmp_path)
        try:
            session = requests.Session()
            token = csrf_token(session, server.url + "/password/forgot")
            sent = session.post(server.url + "/password/forgot", data={"_csrf": token, "email": "david.osei@demo.acuback.example"}, timeout=10)
            assert sent.status_code == 200
            # The demo's bookings have queued their reminders too: look for the reset mail among them.
            def resets():
                return [m for m in inbox.messages if b"Reset your Acuback password" in m.content]

            deadline = time.monotonic() + 20
            while not resets() and time.monotonic() < deadline:
                time.sleep(0.2)
            assert resets(), "no mail arrived:\n" + server.output
            envelope = resets()[0]
            assert envelope.mail_from == "clinic@acuback.example"
            assert envelope.rcpt_tos == ["david.osei@demo.acuback.example"]
            text = envelope.content.decode()
            assert "Subject: Reset your Acuback password" in text
            assert "https://clinic.acuback.example/password/reset?token=" in text
        finally:
            assert server.stop() == 0
    finally:
        controller.stop()
