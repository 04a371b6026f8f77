"""Where the site is served from, as far as a build can know (a module the hooks import).

`site_url` is the address the site is published at (the Pages workflow sets `SITE_URL`);
without it, mkdocs.yml falls back to `http://127.0.0.1:8000/`, and `mkdocs serve` always sets
it to its own local address. Links a reader follows are relative, so a build works at any
address; only what must be an absolute URL (canonical and hreflang links, sitemaps) uses
`site_url`.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig

LOCAL_NAMES = ("localhost", "localhost.")


def absolute(config: MkDocsConfig, link: str) -> str:
    """Return a site link (`en/page.html`, `/en/`) as an absolute URL under `site_url`."""
    return urljoin(config.site_url or "/", link.lstrip("/"))


def is_published(config: MkDocsConfig) -> bool:
    """Tell whether `site_url` can be where readers find the site: not this machine's address.

    A loopback or unspecified address (`127.0.0.1`, `localhost`, `::1`, `0.0.0.0`) is what
    mkdocs.yml's default and `mkdocs serve` give: a preview, reached under other names and ports.
    """
    host = urlsplit(config.site_url or "").hostname
    if not host:
        return False
    if host.lower() in LOCAL_NAMES or host.lower().endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True  # a host name
    return not (address.is_loopback or address.is_unspecified)


def site_path(config: MkDocsConfig, link: str) -> str:
    """Return a link into the site as a path from its root (`/course/en/` → `en/`).

    MkDocs' `url` filter writes such a path relative to the page being rendered. A link with a
    host, or outside `site_url`'s path, is returned as it is.
    """
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not link.startswith("/"):
        return link
    root = urlsplit(config.site_url or "/").path or "/"
    if not link.startswith(root):
        return link
    return link[len(root) :] or "./"
