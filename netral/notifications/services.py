"""Writing notifications (in each recipient's language) and their e-mail copies.

`notify(users, case, kind, compose)` calls `compose()` once per recipient inside
`translation.override(recipient.language)`, stores one `Notification` row each and sends an e-mail
copy to recipients with an address: through the django-q2 queue (`async_task`) when
`NETRAL_ASYNC_TASKS` is on, at once otherwise. Only case numbers, states, actions and clock labels go
into the text, never anything about the reporter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation

from netral.accounts.models import User
from netral.cases.models import Case
from netral.notifications.models import Notification

logger = logging.getLogger(__name__)

EMAIL_TASK = "netral.notifications.services.send_email"


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    url: str


def send_email(subject: str, body: str, address: str) -> int:
    """Send one e-mail (the django-q2 task, or called directly); returns the number sent."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])


def _email(message: Message, address: str) -> None:
    link = f"{settings.NETRAL_SITE_URL}{message.url}" if message.url else ""
    body = f"{message.body}\n\n{link}\n" if link else f"{message.body}\n"
    subject = f"[netral] {message.title}"
    try:
        if settings.NETRAL_ASYNC_TASKS:
            from django_q.tasks import async_task

            async_task(EMAIL_TASK, subject, body, address, group="notification-email")
        else:
            send_email(subject, body, address)
    except Exception as exc:
        # The case step is committed already; a mail failure must not undo or hide it. Logged without
        # the address or the text.
        logger.error("notification e-mail could not be sent or queued: %s", type(exc).__name__)


def notify(
    users: Iterable[User], case: Case | None, kind: str, compose: Callable[[User], Message]
) -> list[Notification]:
    """One notification per user, composed in the user's own language; e-mail copies after."""
    rows: list[Notification] = []
    messages: list[tuple[User, Message]] = []
    for user in users:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            message = compose(user)
        messages.append((user, message))
        rows.append(
            Notification(
                recipient=user,
                case=case,
                kind=kind,
                title=message.title[:200],
                body=message.body,
                url=message.url,
            )
        )
    created = Notification.objects.bulk_create(rows)
    for user, message in messages:
        if user.email:
            _email(message, user.email)
    return created


def mark_read(user: User, pk: int | None = None) -> int:
    """Mark one (or, without `pk`, every) unread notification of `user` read; returns how many."""
    rows = Notification.objects.visible_to(user).unread()
    if pk is not None:
        rows = rows.filter(pk=pk)
    return rows.update(read_at=timezone.now())


def unread_count(user: User) -> int:
    return Notification.objects.visible_to(user).unread().count()
