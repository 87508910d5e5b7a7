"""The tallies (models/tally.py) kept exact: counts by the case attributes the dashboards select on.

One rule keeps every tally right: a change to a case's rows runs inside `tracking(case_ids)`. It locks
the cases, counts what they contribute to every tally before the change and after it (`snapshot`: the
same GROUP BY queries a full recount runs over all cases, restricted to those cases: a few index probes;
what comes from the case row alone - state, dimensions, week - is read once as rows (`_case_rows`) and
counted in Python, as a new case's row is) and adds the difference in the same transaction. The action
layer does this (`actions.transition`, `classification.classify_case`, `sanctions.block`, the escalation
sweep once per batch); a tracked block inside another one for the same case counts once, at the
outermost. A case just opened is counted from its row by `count_new_case`. Nothing else has to know which
action moves which count, so a new action or a new tally needs no bookkeeping of its own.

Updates are one upsert per tally row (`INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n`,
PostgreSQL and SQLite alike), in key order, so that concurrent transactions lock shared rows in the same
order.

`check()` recounts every tally from the rows and compares it with the stored rows (`netral analytics tallies
--check`); `repair()` (`--rebuild`) writes the differences it finds, and `rebuild()` is that repair for bulk
loads such as `analytics.generate`, which bypass the action layer. Neither holds the cases in memory: the
recount is the same GROUP BY queries as above over all cases, read in chunks, one tally at a time, so what is
held is one tally's recounted rows (key → counts) while the stored rows stream past them (measured in
docs/analytics.md, "Tallies: checking and rebuilding").
"""

from netral.cases.tally.counts import LATE as LATE
from netral.cases.tally.counts import ON_TIME as ON_TIME
from netral.cases.tally.counts import OVERDUE as OVERDUE
from netral.cases.tally.counts import TALLIES as TALLIES
from netral.cases.tally.counts import GetModel as GetModel
from netral.cases.tally.counts import Snapshot as Snapshot
from netral.cases.tally.counts import Tally as Tally
from netral.cases.tally.counts import snapshot as snapshot
from netral.cases.tally.counts import week_of as week_of
from netral.cases.tally.keeping import count_new_case as count_new_case
from netral.cases.tally.keeping import tracking as tracking
from netral.cases.tally.recount import Comparison as Comparison
from netral.cases.tally.recount import Difference as Difference
from netral.cases.tally.recount import check as check
from netral.cases.tally.recount import rebuild as rebuild
from netral.cases.tally.recount import repair as repair
from netral.cases.tally.recount import stored as stored
