"""Staff pages of the cases, by concept: `inbox` (the inboxes), `page` (a case's workspace), `steps` (the
POSTs that take a step), `todos` (assignees, tasks, replies to the reporter), `documents` (letters and
forwarding packages); `common` holds who gets in and the one fetch of a case for a request."""
