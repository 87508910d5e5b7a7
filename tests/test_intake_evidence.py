"""Evidence uploads: content checks, limits, EXIF stripping, storage (netral/intake/evidence.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import stat
from pathlib import Path

import pytest
from django.utils import translation
from PIL import ExifTags, Image, ImageChops
from PIL.PngImagePlugin import PngInfo

from netral.intake import evidence
from netral.intake.evidence import MB, EvidenceError, store_evidence

APRIL = dt.date(2024, 4, 5)
GPS: dict[int, object] = {
    ExifTags.GPS.GPSLatitudeRef: "S",
    ExifTags.GPS.GPSLatitude: (7.0, 46.0, 30.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (110.0, 22.0, 5.0),
}


@pytest.fixture(autouse=True)
def media_root(settings: object, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    return tmp_path


def two_colour_image(size: tuple[int, int] = (40, 20)) -> Image.Image:
    """Left half red, right half blue."""
    img = Image.new("RGB", size, (255, 0, 0))
    img.paste((0, 0, 255), (size[0] // 2, 0, size[0], size[1]))
    return img


def jpeg_with_gps(orientation: int = 6) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Artist] = "Siti Rahmawati"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS)
    out = io.BytesIO()
    two_colour_image().save(
        out, "JPEG", exif=exif, comment=b"owner: Siti", xmp=b"<x:xmpmeta>lat -7.775</x:xmpmeta>", quality=95
    )
    return out.getvalue()


def near(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel[:3], colour, strict=True))


# --- images -------------------------------------------------------------------------------------


def test_jpeg_with_gps_exif_comes_out_without_any_metadata_and_upright(media_root: Path) -> None:
    data = jpeg_with_gps()
    with Image.open(io.BytesIO(data)) as original:  # the test file really carries GPS
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert original.size == (40, 20)
    stored = store_evidence(data, "IMG_2024.jpg", today=APRIL)

    content = (media_root / stored.path).read_bytes()
    assert b"Exif" not in content and b"Siti" not in content and b"xmpmeta" not in content
    with Image.open(media_root / stored.path) as clean:
        assert clean.format == "JPEG"
        assert len(clean.getexif()) == 0
        assert "exif" not in clean.info and "xmp" not in clean.info and "comment" not in clean.info
        # Orientation 6 (rotate 90° clockwise) is applied to the pixels: the red left half is on top.
        assert clean.size == (20, 40)
        rgb = clean.convert("RGB")
        assert near(rgb.getpixel((10, 5)), (255, 0, 0))  # type: ignore[arg-type]
        assert near(rgb.getpixel((10, 35)), (0, 0, 255))  # type: ignore[arg-type]
    assert stored.kind == "image" and stored.content_type == "image/jpeg"
    assert stored.original_name == "IMG_2024.jpg"
    assert stored.size == len(content)
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    assert stored.original_sha256 == hashlib.sha256(data).hexdigest() != stored.sha256


def test_png_text_chunks_and_exif_are_dropped_transparency_kept(media_root: Path) -> None:
    img = Image.new("RGBA", (16, 16), (0, 128, 0, 0))
    img.paste((0, 128, 0, 255), (0, 0, 8, 16))
    info = PngInfo()
    info.add_text("Author", "Siti Rahmawati")
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS)
    out = io.BytesIO()
    img.save(out, "PNG", pnginfo=info, exif=exif)
    stored = store_evidence(out.getvalue(), "screenshot.png", today=APRIL)
    content = (media_root / stored.path).read_bytes()
    assert b"Siti" not in content and b"eXIf" not in content and b"Exif" not in content
    with Image.open(media_root / stored.path) as clean:
        assert clean.format == "PNG" and clean.mode == "RGBA"
        assert not clean.text  # type: ignore[attr-defined]
        assert ImageChops.difference(clean, img).getbbox() is None  # pixels unchanged
    assert stored.content_type == "image/png" and stored.path.endswith(".png")


def test_webp_is_re_encoded_without_exif(media_root: Path) -> None:
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS)
    out = io.BytesIO()
    two_colour_image().save(out, "WEBP", exif=exif)
    assert b"EXIF" in out.getvalue()
    stored = store_evidence(out.getvalue(), "chat.webp", today=APRIL)
    content = (media_root / stored.path).read_bytes()
    assert b"EXIF" not in content
    with Image.open(media_root / stored.path) as clean:
        assert clean.format == "WEBP" and len(clean.getexif()) == 0
    assert stored.content_type == "image/webp"


def test_animated_png_keeps_every_frame() -> None:
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:], duration=200, loop=0)
    stored = store_evidence(out.getvalue(), "anim.png", today=APRIL)
    with Image.open(Path(evidence.evidence_root().parent) / stored.path) as clean:
        assert clean.n_frames == 3  # type: ignore[attr-defined]


def test_a_broken_or_truncated_image_is_refused() -> None:
    good = jpeg_with_gps()
    for data in (b"\xff\xd8\xff\xe0" + b"\x13\x37" * 500, good[: len(good) // 2]):
        with pytest.raises(EvidenceError) as info:
            store_evidence(data, "foto.jpg", today=APRIL)
        assert info.value.code == "broken_image"
    assert not list(evidence.evidence_root().rglob("*.*"))  # nothing stored


def test_pixel_bombs_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence, "MAX_IMAGE_PIXELS", 100)
    out = io.BytesIO()
    Image.new("L", (20, 20)).save(out, "PNG")
    with pytest.raises(EvidenceError) as info:
        store_evidence(out.getvalue(), "bomb.png", today=APRIL)
    assert info.value.code == "too_many_pixels"


def test_heic_without_a_decoder_gets_a_clear_message() -> None:
    if "HEIF" in Image.OPEN:
        pytest.skip("a HEIF plugin is installed")
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 100
    assert evidence.detect(heic) == evidence.Detected("image", "image/heic", "jpg", "HEIF")
    with pytest.raises(EvidenceError) as info:
        store_evidence(heic, "IMG_0001.HEIC", today=APRIL)
    assert info.value.code == "heic_unsupported"
    with translation.override("id"):
        assert info.value.message.startswith("Foto HEIC belum dapat diproses. Kirim foto dalam format JPEG")


# --- documents and video ------------------------------------------------------------------------

PDF_BYTES = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MP4_BYTES = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomavc1" + b"\x00\x00\x00\x08free" + b"\x00" * 64
MOV_BYTES = b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  " + b"\x00\x00\x00\x08wide" + b"\x00" * 64
WEBM_BYTES = (
    b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
    b"\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02" + b"\x00" * 64
)


@pytest.mark.parametrize(
    ("data", "name", "kind", "content_type", "extension"),
    [
        (PDF_BYTES, "surat.pdf", "pdf", "application/pdf", "pdf"),
        (MP4_BYTES, "video.mp4", "video", "video/mp4", "mp4"),
        (MOV_BYTES, "IMG_0001.MOV", "video", "video/quicktime", "mov"),
        (WEBM_BYTES, "rekaman.webm", "video", "video/webm", "webm"),
        (MP4_BYTES, "named-wrongly.pdf", "video", "video/mp4", "mp4"),  # content decides, not the name
    ],
)
def test_documents_and_videos_are_stored_byte_for_byte(
    media_root: Path, data: bytes, name: str, kind: str, content_type: str, extension: str
) -> None:
    stored = store_evidence(io.BytesIO(data), name, today=APRIL)
    assert (stored.kind, stored.content_type) == (kind, content_type)
    assert re.fullmatch(rf"evidence/2024/04/[0-9a-f]{{32}}\.{extension}", stored.path)
    file = media_root / stored.path
    assert file.read_bytes() == data
    assert stat.S_IMODE(file.stat().st_mode) == 0o640
    assert stored.size == len(data)
    assert stored.sha256 == stored.original_sha256 == hashlib.sha256(data).hexdigest()
    assert not list(file.parent.glob(".upload-*"))  # no temporary file left behind


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100,  # Windows executable
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,  # Linux executable
        b"<?php system($_GET['c']); ?>",
        b"<html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b"PK\x03\x04" + b"\x00" * 100,  # zip / docx
        b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A mp42" + b"\x00" * 32,  # audio only
        b"\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska" + b"\x00" * 32,  # Matroska, not WebM
        b"GIF89a" + b"\x00" * 32,
    ],
)
def test_disguised_and_unaccepted_files_are_refused_whatever_their_name(data: bytes) -> None:
    with pytest.raises(EvidenceError) as info:
        store_evidence(data, "foto.jpg", today=APRIL)
    assert info.value.code == "unsupported"
    with translation.override("id"):
        assert info.value.message == (
            "Jenis berkas ini tidak diterima. Kirim foto (JPEG, PNG, WebP), dokumen PDF, "
            "atau video (MP4, MOV, WebM)."
        )
    assert not list(evidence.evidence_root().rglob("*"))


def test_empty_file_is_refused() -> None:
    with pytest.raises(EvidenceError) as info:
        store_evidence(b"", "kosong.jpg", today=APRIL)
    assert info.value.code == "empty"


# --- size limits --------------------------------------------------------------------------------


def test_limits_are_as_specified() -> None:
    assert evidence.MAX_BYTES == {"image": 10 * MB, "pdf": 20 * MB, "video": 100 * MB}


def test_an_image_over_10_mb_is_refused_with_an_indonesian_message_naming_the_limit() -> None:
    data = b"\xff\xd8\xff" + b"\x00" * (10 * MB - 2)
    with pytest.raises(EvidenceError) as info:
        store_evidence(data, "besar.jpg", today=APRIL)
    assert info.value.code == "too_large"
    with translation.override("id"):
        assert info.value.message == "Gambar paling besar 10 MB; berkas ini lebih besar."
        assert str(info.value) == info.value.message
    with translation.override("en"):
        assert info.value.message == "Images may be at most 10 MB; this file is larger."


class DeclaredUpload(io.BytesIO):
    """Like Django's UploadedFile: the size is known before reading."""

    def __init__(self, data: bytes, size: int) -> None:
        super().__init__(data)
        self.size = size


def test_declared_size_over_the_limit_is_refused_before_reading_the_body() -> None:
    upload = DeclaredUpload(PDF_BYTES + b"\x00" * 10_000, size=20 * MB + 1)
    with pytest.raises(EvidenceError) as info:
        store_evidence(upload, "laporan.pdf", today=APRIL)
    with translation.override("id"):
        assert info.value.message == "Dokumen PDF paling besar 20 MB; berkas ini lebih besar."
    assert upload.tell() == evidence.HEADER_BYTES  # only the header was read


def test_streamed_video_over_the_limit_is_refused_and_leaves_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(evidence.MAX_BYTES, "video", 2 * MB)
    monkeypatch.setattr(evidence, "CHUNK", 64 * 1024)
    exact = MP4_BYTES + b"\x00" * (2 * MB - len(MP4_BYTES))
    assert store_evidence(io.BytesIO(exact), "pas.mp4", today=APRIL).size == 2 * MB
    with pytest.raises(EvidenceError) as info:
        store_evidence(io.BytesIO(exact + b"\x00"), "lebih.mp4", today=APRIL)
    assert info.value.code == "too_large"
    with translation.override("id"):
        assert info.value.message == "Video paling besar 2 MB; berkas ini lebih besar."
    files = list(evidence.evidence_root().rglob("*"))
    assert len([f for f in files if f.is_file()]) == 1  # only the accepted one, no temporary left


# --- names and paths ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\siti\\foto bukti.jpg", "foto bukti.jpg"),
        ("bad\x00name\n.pdf", "badname.pdf"),
        ("", "berkas"),
        ("a" * 300 + ".jpg", "a" * 196 + ".jpg"),
    ],
)
def test_original_names_are_cleaned(raw: str, clean: str) -> None:
    assert evidence.clean_name(raw) == clean


def test_stored_names_are_random_and_paths_stay_inside_the_evidence_root(media_root: Path) -> None:
    first = store_evidence(PDF_BYTES, "same.pdf", today=APRIL)
    second = store_evidence(PDF_BYTES, "same.pdf", today=APRIL)
    assert first.path != second.path
    assert evidence.resolve(first.path) == (media_root / first.path).resolve()
    for bad in ("../secret.txt", "evidence/../../x", "/etc/passwd"):
        with pytest.raises(ValueError):
            evidence.resolve(bad)
    evidence.delete_stored(first.path)
    assert not (media_root / first.path).exists()
    assert (media_root / second.path).exists()
