"""The Content-Security-Policy (django-csp 4) the settings install."""

import base64
import hashlib
from pathlib import Path


def _style_hash(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(letter_css: Path) -> dict[str, dict[str, list[str]]]:
    """Scripts and styles only from this origin's files, no inline script or style, no
    plugins, no framing. The one inline style allowed, by its hash, is ``letter_css`` inside
    a standalone HTML letter (a notice downloaded as HTML): that file must read the same when
    saved and opened anywhere."""
    return {
        "DIRECTIVES": {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'", _style_hash(letter_css)],
            "img-src": ["'self'", "data:"],
            "object-src": ["'none'"],
            "base-uri": ["'none'"],
            "frame-ancestors": ["'none'"],
            "form-action": ["'self'"],
        }
    }
