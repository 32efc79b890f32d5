"""Start the real Streamlit server on a free port and Debian's Chromium, for browser tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Without the background-networking flags Chromium calls Google's hosts at start; the machine
# has no network, and the tests count every request that leaves it.
# A mid-range phone as the benchmark and the tests open one: its screen, touch, its user agent.
# The benchmark also slows the CPU 4x (Chromium's throttling), as such a phone is slower.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0 Mobile Safari/537.36"
)
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": PHONE_AGENT,
}
PHONE_CPU_SLOWDOWN = 4

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--metrics-recording-only",
]


class Server(str):
    """The server's base URL (a str, so tests use it as one), with its process id."""

    def __new__(cls, base: str, pid: int):
        server = super().__new__(cls, base)
        server.pid = pid
        return server

    def rss_bytes(self) -> int:
        """Resident memory of the server process, from /proc."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS in /proc status")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far, from /proc."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def chromium_path() -> str | None:
    """Debian's Chromium, or the one CHROMIUM_PATH names; None when there is none."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), *CHROMIUM_CANDIDATES):
        if candidate and shutil.which(candidate):
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    *extra: str,
    script: Path = ROOT / "dashboard.py",
    python: str = sys.executable,
    env: dict[str, str] | None = None,
    path: str = "",
    timeout: float = 60,
) -> Iterator[Server]:
    """Run `streamlit run SCRIPT` on a free loopback port; yield the running server; stop it.

    python is the interpreter to run it with (another environment's, for a fresh deploy); env
    adds variables; path is the base URL path the server is started under, if any.
    """
    port = free_port()
    command = [
        python,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
        *(["--server.baseUrlPath", path] if path else []),
        *extra,
    ]
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    process = subprocess.Popen(
        command,
        cwd=script.parent if script.name == "dashboard.py" else ROOT,
        env=os.environ | (env or {}),
        stdout=subprocess.DEVNULL,
        stderr=log,  # a file, not a pipe: a pipe nobody reads fills up and stalls the server
    )
    base = f"http://127.0.0.1:{port}" + (f"/{path.strip('/')}" if path else "")
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"streamlit exited early: {log.read()[-2000:].decode()}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not answer /_stcore/health in time")
            time.sleep(0.2)
        yield Server(base, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
