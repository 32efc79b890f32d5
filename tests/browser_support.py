"""What the browser suites share: where screenshots go, and a recorder of a page's traffic."""

from __future__ import annotations

from bench import harness

ARTIFACTS = harness.ROOT / "test-artifacts"


class Recorder:
    """Every request the page makes, and the bytes of every websocket frame it receives."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.frames: list[int] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("websocket", self._socket)

    def _socket(self, socket):
        socket.on("framereceived", lambda payload: self.frames.append(len(payload)))
