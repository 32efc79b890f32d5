"""A counting TCP relay on loopback: what a server really sends, compressed as it goes out.

The browser's own websocket events and a websocket library both hand over messages after
decompression, so neither says how many bytes crossed the wire. The relay sits between a client
and the server and counts every byte in each direction.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

from bench import harness


class Relay:
    """Forwards 127.0.0.1:<port> to a target host:port; counts bytes both ways."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = harness.free_port()
        self.down = 0  # server to client
        self.up = 0  # client to server
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.port)
        )
        self._ready.set()
        with contextlib.suppress(asyncio.CancelledError):
            self._loop.run_forever()
        server.close()

    async def _pipe(self, reader, writer, downstream: bool) -> None:
        with contextlib.suppress(ConnectionError, asyncio.CancelledError):
            while chunk := await reader.read(65536):
                if downstream:
                    self.down += len(chunk)
                else:
                    self.up += len(chunk)
                writer.write(chunk)
                await writer.drain()
        with contextlib.suppress(Exception):
            writer.close()

    async def _handle(self, client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            return
        # Cancelled when the relay stops: the connection just ends.
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(
                self._pipe(client_reader, server_writer, downstream=False),
                self._pipe(server_reader, client_writer, downstream=True),
            )

    def start(self) -> Relay:
        self._thread.start()
        self._ready.wait(10)
        return self

    async def _shutdown(self) -> None:
        """Close every connection still open, then stop the loop."""
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._loop.stop()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop)
        self._thread.join(5)


@contextlib.contextmanager
def relay(base_url: str) -> Iterator[tuple[str, Relay]]:
    """A relay in front of a server's base URL: yields (the URL through the relay, the relay)."""
    from urllib.parse import urlsplit

    parts = urlsplit(base_url)
    counter = Relay(parts.hostname, parts.port).start()
    try:
        yield f"{parts.scheme}://127.0.0.1:{counter.port}{parts.path}", counter
    finally:
        counter.stop()
