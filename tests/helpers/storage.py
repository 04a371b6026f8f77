"""What a browser does to the site's storage when the reader blocks site data."""

from __future__ import annotations

# Reading localStorage throws, as it does when the reader blocks site data.
NO_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true, get() { throw new DOMException('denied', 'SecurityError'); },
});
"""
