"""The notification inbox (`/notifikasi/`): own notifications only, pagination, empty state, mark
read (one and all), and the unread counter in the top navigation."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from netral.accounts.models import User
from netral.notifications.models import Notification

pytestmark = pytest.mark.django_db

INBOX = "/notifikasi/"


def make(user: User, count: int = 1, **fields: object) -> list[Notification]:
    return Notification.objects.bulk_create(
        Notification(
            recipient=user, kind="transition", title=f"Catatan {i}", body="Isi.", url="/perkara/1/", **fields
        )
        for i in range(count)
    )


def test_urls() -> None:
    assert reverse("notifications:inbox") == INBOX
    assert reverse("notifications:mark_all_read") == "/notifikasi/baca-semua/"
    assert reverse("notifications:mark_read", args=[7]) == "/notifikasi/7/baca/"


def test_login_required(client: Client) -> None:
    for response in (client.get(INBOX), client.post(reverse("notifications:mark_all_read"))):
        assert response.status_code == 302
        assert response["Location"].startswith("/masuk/")


def test_empty_state(client: Client, bkn_analyst: User) -> None:
    client.force_login(bkn_analyst)
    response = client.get(INBOX)
    assert response.status_code == 200
    assert "Anda belum memiliki notifikasi" in response.content.decode()


def test_only_own_notifications_are_listed(
    client: Client, bawaslu_kab_sleman: User, bkn_analyst: User
) -> None:
    make(bawaslu_kab_sleman, 2)
    other = make(bkn_analyst)[0]
    other.title = "Milik orang lain"
    other.save()
    client.force_login(bawaslu_kab_sleman)
    html = client.get(INBOX).content.decode()
    assert "Catatan 0" in html and "Catatan 1" in html
    assert "Milik orang lain" not in html
    assert "2 notifikasi belum dibaca." in html


def test_pagination(client: Client, bawaslu_kab_sleman: User) -> None:
    make(bawaslu_kab_sleman, 30)
    client.force_login(bawaslu_kab_sleman)
    first = client.get(INBOX).content.decode()
    second = client.get(INBOX, {"page": 2}).content.decode()
    assert first.count('class="notification unread"') == 25
    assert second.count('class="notification unread"') == 5
    assert "Halaman 2 dari 2" in second or "2 dari 2" in second


def test_mark_one_read_and_open(client: Client, bawaslu_kab_sleman: User, bkn_analyst: User) -> None:
    mine = make(bawaslu_kab_sleman, 2)
    theirs = make(bkn_analyst)[0]
    client.force_login(bawaslu_kab_sleman)
    response = client.post(reverse("notifications:mark_read", args=[mine[0].pk]))
    assert response.status_code == 302 and response["Location"] == INBOX
    assert Notification.objects.get(pk=mine[0].pk).read_at is not None
    assert Notification.objects.get(pk=mine[1].pk).read_at is None
    response = client.post(reverse("notifications:mark_read", args=[mine[1].pk]), {"open": "1"})
    assert response["Location"] == "/perkara/1/"
    # Someone else's notification: not found, and left unread.
    assert client.post(reverse("notifications:mark_read", args=[theirs.pk])).status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    assert client.get(reverse("notifications:mark_read", args=[mine[0].pk])).status_code == 405


def test_an_external_link_is_not_followed(client: Client, bawaslu_kab_sleman: User) -> None:
    note = make(bawaslu_kab_sleman)[0]
    Notification.objects.filter(pk=note.pk).update(url="https://evil.example/")
    client.force_login(bawaslu_kab_sleman)
    response = client.post(reverse("notifications:mark_read", args=[note.pk]), {"open": "1"})
    assert response["Location"] == INBOX


def test_mark_all_read_touches_only_own(client: Client, bawaslu_kab_sleman: User, bkn_analyst: User) -> None:
    make(bawaslu_kab_sleman, 3)
    make(bkn_analyst, 2)
    client.force_login(bawaslu_kab_sleman)
    response = client.post(reverse("notifications:mark_all_read"), {"page": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{INBOX}?page=1"
    assert "Semua notifikasi ditandai sudah dibaca." in response.content.decode()
    assert Notification.objects.filter(recipient=bawaslu_kab_sleman, read_at__isnull=True).count() == 0
    assert Notification.objects.filter(recipient=bkn_analyst, read_at__isnull=True).count() == 2


def test_unread_counter_in_the_navigation(client: Client, bawaslu_kab_sleman: User) -> None:
    client.force_login(bawaslu_kab_sleman)
    html = client.get(INBOX).content.decode()
    assert 'class="notification-counter"' in html and 'class="badge"' not in html
    make(bawaslu_kab_sleman, 3)
    make(bawaslu_kab_sleman, 1, read_at="2024-10-10T00:00:00Z")
    html = client.get(reverse("accounts:home")).content.decode()
    assert '<span class="badge" aria-label="3 belum dibaca">3</span>' in html
    client.logout()
    assert 'class="notification-counter"' not in client.get(reverse("accounts:login")).content.decode()
