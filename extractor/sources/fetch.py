"""Downloading a URL with httpx, within limits: timeouts, a size cap, a redirect cap.

Every failure is a ``FetchError`` whose message is a few words a user can act on ("HTTP 404
Not Found", "timed out after 30s", "too large (25000000 bytes > limit 20000000)"); the caller
turns it into the one-line per-input problem. ``on_progress(done, total)`` is called as bytes
arrive (``total`` is None when the server sends no length), for a download bar.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from schemas import Settings

ProgressHook = Callable[[int, int | None], None]


class FetchError(Exception):
    """The URL could not be fetched; the message says why in a few words."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # the media type alone, lower case ("" when the server sent none)
    charset: str | None
    data: bytes


def media_type(header: str | None) -> tuple[str, str | None]:
    """``text/html; charset=GBK`` -> ("text/html", "gbk")."""
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in parts[1:]
                    if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset or None


def fetch(url: str, settings: Settings, on_progress: ProgressHook | None = None,
          accept: str = "text/html,application/xhtml+xml,application/pdf,text/plain,text/markdown;q=0.9,*/*;q=0.5",
          client: httpx.Client | None = None) -> Fetched:
    """GET ``url`` (http or https only), following at most ``settings.fetch_max_redirects`` redirects.

    The body is streamed and refused as soon as it passes ``settings.max_file_bytes``; the whole
    download must finish within four times ``settings.fetch_timeout`` (a server dripping bytes
    cannot hold an ingest forever).
    """
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("only http:// and https:// URLs are fetched")
    limit = settings.max_file_bytes
    deadline = time.monotonic() + 4 * settings.fetch_timeout
    timeout = httpx.Timeout(settings.fetch_timeout, connect=min(10.0, settings.fetch_timeout))
    own = client is None
    http = client or httpx.Client(follow_redirects=True, max_redirects=settings.fetch_max_redirects,
                                  timeout=timeout, headers={"User-Agent": settings.user_agent})
    try:
        with http.stream("GET", url, headers={"Accept": accept}) as r:
            if r.status_code >= 400:
                raise FetchError(f"HTTP {r.status_code} {r.reason_phrase}".strip())
            ctype, charset = media_type(r.headers.get("content-type"))
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(f"too large ({declared} bytes > limit {limit})")
            total = int(declared) if declared and declared.isdigit() else None
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"too large (more than {limit} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"download took longer than {4 * settings.fetch_timeout:g}s")
                chunks.append(chunk)
                if on_progress is not None:
                    on_progress(size, total)
            return Fetched(url=str(r.url), content_type=ctype, charset=charset, data=b"".join(chunks))
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects (more than {settings.fetch_max_redirects})") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {settings.fetch_timeout:g}s") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect: {_short(exc)}") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("unsupported protocol (redirected away from http/https?)") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {_short(exc)}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"download failed: {type(exc).__name__}: {_short(exc)}") from None
    finally:
        if own:
            http.close()


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:160]
