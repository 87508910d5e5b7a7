"""The case workflow, declared once: its states, its clocks and every step (docs/architecture.md).

Each `Step` names what the step is (name, label), when it may be taken (from which states, by which roles),
where it leads (`target`; `None` keeps the state: a clock change), what it asks for (a reason, a form) and
what it does besides moving the state (clocks it meets, starts or marks overdue, the forwarding package
and the document it produces, the rows it lifts). Every other view of the workflow is derived from
`STEPS`: the rule `actions.transition` applies, the buttons and forms of the workspace, the inboxes, the
notification recipients, the documents a case has, the funnel's state sets (`analytics.queries.states`).

The package is a leaf: it imports nothing else of netral, so models, actions, views and other apps can all
read it. `states` holds the states, the roles and who is told; `clocks` the legal clocks; `steps` every step,
the merge rule and what is read from the table. Adding a step: one `Step(...)` in `steps.py`, its function
(`actions.py`, or the module of its data), its test. Adding a state: one member of `State` and its `NOTIFY`
entry (docs/architecture.md, "Adding a step").
"""

from netral.cases.workflow.clocks import CLOCKS as CLOCKS
from netral.cases.workflow.clocks import PPK_AFTER_WARNING as PPK_AFTER_WARNING
from netral.cases.workflow.clocks import PPK_FOLLOW_UP as PPK_FOLLOW_UP
from netral.cases.workflow.clocks import Clock as Clock
from netral.cases.workflow.clocks import clock_for as clock_for
from netral.cases.workflow.clocks import clock_label as clock_label
from netral.cases.workflow.clocks import counts_from_receipt as counts_from_receipt
from netral.cases.workflow.clocks import full_clock_name as full_clock_name
from netral.cases.workflow.states import ANALYST as ANALYST
from netral.cases.workflow.states import ANYONE as ANYONE
from netral.cases.workflow.states import COMMISSIONER as COMMISSIONER
from netral.cases.workflow.states import KEMENDAGRI as KEMENDAGRI
from netral.cases.workflow.states import KEMENDAGRI_STATES as KEMENDAGRI_STATES
from netral.cases.workflow.states import NOT_REGISTERED_YET as NOT_REGISTERED_YET
from netral.cases.workflow.states import NOTIFY as NOTIFY
from netral.cases.workflow.states import PPK as PPK
from netral.cases.workflow.states import STAFF as STAFF
from netral.cases.workflow.states import SYSTEM_ROLE as SYSTEM_ROLE
from netral.cases.workflow.states import S as S
from netral.cases.workflow.states import State as State
from netral.cases.workflow.states import state_label as state_label
from netral.cases.workflow.steps import DECISION_STEPS as DECISION_STEPS
from netral.cases.workflow.steps import MERGE_TARGET_STATES as MERGE_TARGET_STATES
from netral.cases.workflow.steps import OPEN_CASE as OPEN_CASE
from netral.cases.workflow.steps import STEP_BY_NAME as STEP_BY_NAME
from netral.cases.workflow.steps import STEPS as STEPS
from netral.cases.workflow.steps import Step as Step
from netral.cases.workflow.steps import may_merge as may_merge
from netral.cases.workflow.steps import produced_by as produced_by
from netral.cases.workflow.steps import step_for as step_for
from netral.cases.workflow.steps import step_label as step_label
from netral.cases.workflow.steps import steps_from as steps_from
from netral.cases.workflow.steps import steps_of as steps_of
