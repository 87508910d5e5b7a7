"""Writing notifications (in each recipient's language) and their e-mail copies.

`store(planned)` writes many notifications (COPY on PostgreSQL, else INSERTs of 500 rows) and hands the
e-mail copies of those with an address to `send_copies`: one django-q2 task for all of them
(`send_emails`) when `NETRAL_ASYNC_TASKS` is on, else sent at once over one mail connection.
`notify(users, case, kind, compose)` is the one-case form: `compose()` once per recipient inside
`translation.override(recipient.language)`. Only case numbers, states, actions and clock labels go
into the text, never anything about the reporter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection, send_mail
from django.db import connection, transaction
from django.utils import timezone, translation

from netral.accounts.models import User
from netral.cases.models import Case
from netral.notifications.messages import Message
from netral.notifications.models import Notification

logger = logging.getLogger(__name__)

EMAIL_TASK = "netral.notifications.services.send_email"
EMAILS_TASK = "netral.notifications.services.send_emails"
Mail = tuple[str, str, str]  # (subject, body, address)

__all__ = [
    "EMAILS_TASK",
    "EMAIL_TASK",
    "Message",
    "mark_read",
    "notify",
    "send_email",
    "send_emails",
    "store",
]


def send_email(subject: str, body: str, address: str) -> int:
    """Send one e-mail (the task of earlier versions, or called directly); returns the number sent."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])


def send_emails(mails: Sequence[Mail]) -> int:
    """Send many e-mails over one connection (the django-q2 task, or called directly); returns the
    number sent."""
    if not mails:
        return 0
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        for subject, body, address in mails
    ]
    return get_connection().send_messages(messages) or 0


def mail_of(message: Message, address: str) -> Mail:
    link = f"{settings.NETRAL_SITE_URL}{message.url}" if message.url else ""
    body = f"{message.body}\n\n{link}\n" if link else f"{message.body}\n"
    return (f"[netral] {message.title}", body, address)


def send_copies(mails: list[Mail], *, queue: bool | None = None) -> None:
    """Queue (one task) or send the e-mail copies. A failure is logged without addresses or text and
    never raised: the case step is committed already."""
    if not mails:
        return
    if queue is None:
        queue = bool(settings.NETRAL_ASYNC_TASKS)
    try:
        if queue:
            from django_q.tasks import async_task

            async_task(EMAILS_TASK, mails, group="notification-email")
        else:
            send_emails(mails)
    except Exception as exc:
        logger.error(
            "notification e-mails (%d) could not be sent or queued: %s", len(mails), type(exc).__name__
        )


COLUMNS = ("recipient_id", "case_id", "kind", "title", "body", "url", "created_at")
CHUNK = 500  # rows per INSERT (7 parameters each: far below SQLite's and PostgreSQL's limits)


def _insert(rows: Sequence[tuple[Any, ...]]) -> None:
    """Write the rows (`COLUMNS` without created_at): COPY on PostgreSQL, multi-row INSERTs elsewhere;
    no model instances, no returned ids (nobody reads them back), one created_at for all."""
    if not rows:
        return
    now = timezone.now()
    table = connection.ops.quote_name(Notification._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, now))
            return
        created_at = connection.ops.adapt_datetimefield_value(now)
        marks = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            values = ", ".join([marks] * len(chunk))
            params = [value for row in chunk for value in (*row, created_at)]
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {values}", params)  # noqa: S608


def store(planned: Iterable[tuple[User, int | None, str, Message]], *, queue: bool | None = None) -> int:
    """One notification per (recipient, case id, kind, message), written in multi-row INSERTs; then
    the e-mail copies (`send_copies`). Returns the number written."""
    rows: list[tuple[Any, ...]] = []
    mails: list[Mail] = []
    for user, case_id, kind, message in planned:
        rows.append((user.pk, case_id, str(kind), message.title[:200], message.body, message.url[:300]))
        if user.email:
            mails.append(mail_of(message, user.email))
    with transaction.atomic(savepoint=False):
        _insert(rows)
    # After the commit: rows rolled back (a failed or killed outbox batch, retried later) send no e-mail.
    if mails:
        transaction.on_commit(lambda: send_copies(mails, queue=queue))
    return len(rows)


def notify(users: Iterable[User], case: Case | None, kind: str, compose: Callable[[User], Message]) -> int:
    """One notification per user, composed in the user's own language; e-mail copies after."""
    planned: list[tuple[User, int | None, str, Message]] = []
    for user in users:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            planned.append((user, case.pk if case else None, kind, compose(user)))
    return store(planned)


def mark_read(user: User, pk: int | None = None) -> int:
    """Mark one (or, without `pk`, every) unread notification of `user` read; returns how many."""
    rows = Notification.objects.visible_to(user).unread()
    if pk is not None:
        rows = rows.filter(pk=pk)
    return rows.update(read_at=timezone.now())


def unread_count(user: User) -> int:
    return Notification.objects.visible_to(user).unread().count()
