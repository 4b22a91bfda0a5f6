"""A local SMS gateway for tests: records each POST {to, body} with its bearer token and
Idempotency-Key, sends each key's message once (as providers do), and can be told to answer
with some statuses first."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeSMSGateway:
    def __init__(self, fail_first=()):
        self.requests = []
        self.sent = []
        self.failures = list(fail_first)
        self.lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                payload = json.loads(self.rfile.read(length) or b"{}")
                received = {
                    "authorization": self.headers.get("Authorization", ""),
                    "key": self.headers.get("Idempotency-Key", ""),
                    "to": payload.get("to"),
                    "body": payload.get("body", ""),
                }
                with gateway.lock:
                    gateway.requests.append(received)
                    status = gateway.failures.pop(0) if gateway.failures else 202
                    if status < 300 and all(m["key"] != received["key"] for m in gateway.sent):
                        gateway.sent.append(received)
                answer = json.dumps({"id": received["key"]} if status < 300 else {"error": "as told"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1/messages"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def messages(self, word):
        """The messages sent whose text starts with `word` ("Reminder", "Booked")."""
        with self.lock:
            return [m for m in self.sent if m["body"].startswith(word)]
