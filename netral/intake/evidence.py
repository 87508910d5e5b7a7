"""Evidence uploads: checked by content, size-limited, cleaned, hashed, stored under random names.

- The type comes from the file's first bytes, never from its name or the browser's content type:
  JPEG, PNG, WebP, HEIC (only when a Pillow HEIF plugin is installed), PDF, MP4 and MOV (an ISO
  `ftyp` box with a video brand) and WebM (an EBML header with DocType `webm`).
- Limits per kind (`MAX_BYTES`) are enforced while reading, so an oversized upload is never held
  whole in memory; the error names the limit, in the active language (Indonesian by default).
- Images are decoded and re-encoded with Pillow: the EXIF orientation is applied to the pixels, and
  EXIF (GPS included), XMP, comments and text chunks are dropped. A file that does not decode is
  refused. Video and PDF are stored byte for byte.
- Files go to `MEDIA_ROOT/evidence/YYYY/MM/<random>.<ext>`; MEDIA_ROOT is not served by netral
  (no MEDIA_URL), so evidence leaves only through access-checked views.
- `sha256` is the digest of the stored bytes, `original_sha256` of the bytes received (they differ
  for images) so either can be proven later.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import secrets
import tempfile
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MB = 1024 * 1024
IMAGE, PDF, VIDEO = "image", "pdf", "video"
KINDS = (IMAGE, PDF, VIDEO)
MAX_BYTES = {IMAGE: 10 * MB, PDF: 20 * MB, VIDEO: 100 * MB}
# Decoded size limit: enough for a 50-megapixel phone photo, refuses decompression bombs.
MAX_IMAGE_PIXELS = 80_000_000
# All frames of an animated PNG/WebP together.
MAX_ANIMATION_PIXELS = 200_000_000
JPEG_QUALITY = 90
HEADER_BYTES = 4096
CHUNK = 1024 * 1024
EVIDENCE_DIR = "evidence"
MAX_NAME_LENGTH = 200

KIND_LABELS: dict[str, Promise] = {IMAGE: _("Images"), PDF: _("PDF documents"), VIDEO: _("Videos")}

MESSAGES: dict[str, Promise] = {
    "empty": _("The file is empty."),
    "unsupported": _(
        "This file type is not accepted. Send a photo (JPEG, PNG, WebP), a PDF document or a video "
        "(MP4, MOV, WebM)."
    ),
    "too_large": _("%(kind)s may be at most %(limit)d MB; this file is larger."),
    "broken_image": _("The image cannot be read: the file is damaged or is not really an image."),
    "too_many_pixels": _("The image is too large: at most %(limit)d megapixels."),
    "too_many_files": _("A report can have at most %(limit)d evidence files."),
    "heic_unsupported": _(
        "HEIC photos cannot be processed yet. Please send the photo as JPEG (on an iPhone: Settings, "
        "Camera, Formats, Most Compatible)."
    ),
}

_MP4_BRANDS = frozenset(
    b.encode("ascii")
    for b in (
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71",
        "avc1", "dash", "M4V ", "M4VH", "M4VP", "3gp4", "3gp5", "3gp6", "3g2a", "MSNV", "f4v ", "XAVC",
    )
)  # fmt: skip
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})
_AUDIO_ONLY_BRANDS = frozenset({b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "})


class EvidenceError(ValueError):
    """An upload was refused. `code` is stable; `message` is translated when read."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        template = str(MESSAGES[self.code])
        if not self.params:
            return template
        params = {k: str(v) if isinstance(v, Promise) else v for k, v in self.params.items()}
        return template % params

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Detected:
    kind: str
    content_type: str
    extension: str
    pillow_format: str = ""  # for images: the only Pillow decoder allowed to open it


@dataclass(frozen=True)
class StoredEvidence:
    """A stored upload. `path` is relative to MEDIA_ROOT (e.g. `evidence/2024/04/k3...q.jpg`)."""

    kind: str
    content_type: str
    original_name: str
    path: str
    size: int
    sha256: str
    original_sha256: str


# --- detection ----------------------------------------------------------------------------------


def _ftyp(head: bytes) -> Detected | None:
    if head[4:8] != b"ftyp" or len(head) < 12:
        return None
    box_size = int.from_bytes(head[0:4], "big")
    major = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, min(box_size, len(head)) - 3, 4)}
    brands = {major} | compatible
    if brands & _HEIF_BRANDS and major not in _MP4_BRANDS:
        return Detected(IMAGE, "image/heic", "jpg", "HEIF")
    if major in _AUDIO_ONLY_BRANDS:
        return None
    if major == b"qt  ":
        return Detected(VIDEO, "video/quicktime", "mov")
    if brands & _MP4_BRANDS:
        return Detected(VIDEO, "video/mp4", "mp4")
    return None


def _webm(head: bytes) -> Detected | None:
    if not head.startswith(b"\x1a\x45\xdf\xa3"):
        return None
    doctype_at = head.find(b"\x42\x82", 4, 64)
    if doctype_at != -1 and b"webm" in head[doctype_at + 2 : doctype_at + 8]:
        return Detected(VIDEO, "video/webm", "webm")
    return None


def detect(head: bytes) -> Detected | None:
    """What a file is, from its first bytes (at least 64 should be given); None when not accepted."""
    if head.startswith(b"\xff\xd8\xff"):
        return Detected(IMAGE, "image/jpeg", "jpg", "JPEG")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Detected(IMAGE, "image/png", "png", "PNG")
    if head[0:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Detected(IMAGE, "image/webp", "webp", "WEBP")
    if head.startswith(b"%PDF-"):
        return Detected(PDF, "application/pdf", "pdf")
    return _ftyp(head) or _webm(head)


# --- images -------------------------------------------------------------------------------------


def _save_clean(img: Image.Image, target_format: str) -> bytes:
    """Encode `img` with no metadata except the colour profile (and PNG transparency)."""
    icc = img.info.get("icc_profile")
    transparency = img.info.get("transparency")
    img.info = {}
    out = io.BytesIO()
    options: dict[str, object] = {}
    if icc:
        options["icc_profile"] = icc
    if target_format == "JPEG":
        if img.mode not in ("RGB", "L", "CMYK"):
            img = img.convert("RGB")
        options.update(quality=JPEG_QUALITY)
    elif target_format == "PNG" and transparency is not None:
        options["transparency"] = transparency
    elif target_format == "WEBP":
        options.update(quality=JPEG_QUALITY)
    img.save(out, format=target_format, **options)
    return out.getvalue()


def _save_animation(img: Image.Image, count: int, target_format: str) -> bytes:
    frames: list[Image.Image] = []
    durations: list[int] = []
    for index in range(count):
        img.seek(index)
        durations.append(int(img.info.get("duration", 100) or 100))
        frame = img.convert("RGBA")
        frame.info = {}
        frames.append(frame)
    out = io.BytesIO()
    frames[0].save(
        out,
        format=target_format,
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=int(img.info.get("loop", 0) or 0),
        **({"lossless": True} if target_format == "WEBP" else {}),
    )
    return out.getvalue()


def clean_image(data: bytes, detected: Detected) -> bytes:
    """Decode and re-encode an image without metadata; EvidenceError when it does not decode."""
    if detected.pillow_format == "HEIF" and "HEIF" not in Image.OPEN:
        raise EvidenceError("heic_unsupported")
    target = "JPEG" if detected.pillow_format == "HEIF" else detected.pillow_format
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[detected.pillow_format]) as img:
                if img.width * img.height > MAX_IMAGE_PIXELS:
                    raise EvidenceError("too_many_pixels", limit=MAX_IMAGE_PIXELS // 1_000_000)
                frames = getattr(img, "n_frames", 1) if target in ("PNG", "WEBP") else 1
                if frames > 1:
                    if frames * img.width * img.height > MAX_ANIMATION_PIXELS:
                        raise EvidenceError("too_many_pixels", limit=MAX_IMAGE_PIXELS // 1_000_000)
                    return _save_animation(img, frames, target)
                img.load()
                upright = ImageOps.exif_transpose(img)
                return _save_clean(upright if upright is not None else img, target)
    except EvidenceError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise EvidenceError("too_many_pixels", limit=MAX_IMAGE_PIXELS // 1_000_000) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, KeyError):
        raise EvidenceError("broken_image") from None


# --- storing ------------------------------------------------------------------------------------


def evidence_root() -> Path:
    return Path(settings.MEDIA_ROOT) / EVIDENCE_DIR


def resolve(path: str) -> Path:
    """The absolute file for a stored relative path; ValueError when it points outside the root."""
    root = evidence_root().resolve()
    full = (Path(settings.MEDIA_ROOT) / path).resolve()
    if root not in full.parents:
        raise ValueError("not an evidence path")
    return full


def delete_stored(path: str) -> None:
    """Remove a stored file (e.g. when the database row could not be written)."""
    with contextlib.suppress(ValueError):
        resolve(path).unlink(missing_ok=True)


def clean_name(name: str) -> str:
    """The uploader's file name without directories or control characters, at most 200 characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C")
    return base.strip()[-MAX_NAME_LENGTH:] or "berkas"


def _read_at_most(stream: IO[bytes], size: int) -> bytes:
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(min(remaining, CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def _too_large(kind: str) -> EvidenceError:
    return EvidenceError("too_large", kind=KIND_LABELS[kind], limit=MAX_BYTES[kind] // MB)


def _target(detected: Detected, today: dt.date) -> tuple[Path, str]:
    folder = evidence_root() / f"{today:%Y}" / f"{today:%m}"
    folder.mkdir(mode=0o750, parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.{detected.extension}"
    return folder, f"{EVIDENCE_DIR}/{today:%Y}/{today:%m}/{name}"


def _write_atomically(folder: Path, relative: str, data: bytes) -> None:
    """Write to a temporary file in `folder`, then rename into place (never a half-written file)."""
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp_name, 0o640)
        os.replace(tmp_name, Path(settings.MEDIA_ROOT) / relative)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def store_evidence(
    source: bytes | IO[bytes], original_name: str, *, today: dt.date | None = None
) -> StoredEvidence:
    """Check, clean, hash and store one upload; raises EvidenceError with a translated message.

    `source` is the whole content or a binary file object (e.g. Django's UploadedFile).
    """
    stream: IO[bytes] = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    declared = getattr(source, "size", None)
    head = _read_at_most(stream, HEADER_BYTES)
    if not head:
        raise EvidenceError("empty")
    detected = detect(head)
    if detected is None:
        raise EvidenceError("unsupported")
    limit = MAX_BYTES[detected.kind]
    if isinstance(declared, int) and declared > limit:
        raise _too_large(detected.kind)
    today = today or timezone.localdate()
    received = hashlib.sha256(head)
    size = len(head)

    if detected.kind == IMAGE:
        rest = _read_at_most(stream, limit + 1 - size)
        if size + len(rest) > limit:
            raise _too_large(detected.kind)
        received.update(rest)
        cleaned = clean_image(head + rest, detected)
        content_type = "image/jpeg" if detected.pillow_format == "HEIF" else detected.content_type
        folder, relative = _target(detected, today)
        _write_atomically(folder, relative, cleaned)
        return StoredEvidence(
            kind=IMAGE,
            content_type=content_type,
            original_name=clean_name(original_name),
            path=relative,
            size=len(cleaned),
            sha256=hashlib.sha256(cleaned).hexdigest(),
            original_sha256=received.hexdigest(),
        )

    # PDF and video: streamed to a temporary file, hashed on the way, never held whole in memory.
    folder, relative = _target(detected, today)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(head)
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _too_large(detected.kind)
                received.update(chunk)
                out.write(chunk)
        os.chmod(tmp_name, 0o640)
        os.replace(tmp_name, Path(settings.MEDIA_ROOT) / relative)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    digest = received.hexdigest()
    return StoredEvidence(
        kind=detected.kind,
        content_type=detected.content_type,
        original_name=clean_name(original_name),
        path=relative,
        size=size,
        sha256=digest,
        original_sha256=digest,
    )
