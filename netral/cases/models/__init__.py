"""The models of the cases app, by concept: `case` (the case, its number counter, its reports, the access
rule), `history` (transitions and deadlines), `sanctions` (recommendation, decree, block), `documents`
(issued letters, forwarding packages), `steps` (the rows some Bawaslu steps carry), `todos` (assignees and
tasks) and `tally` (the dashboards' running counts)."""

from netral.cases.models.case import Case as Case
from netral.cases.models.case import CaseChildQuerySet as CaseChildQuerySet
from netral.cases.models.case import CaseNumberCounter as CaseNumberCounter
from netral.cases.models.case import CaseReport as CaseReport
from netral.cases.models.case import Employment as Employment
from netral.cases.models.case import case_condition as case_condition
from netral.cases.models.documents import Document as Document
from netral.cases.models.documents import DocumentKind as DocumentKind
from netral.cases.models.documents import ForwardingPackage as ForwardingPackage
from netral.cases.models.history import AppendOnlyError as AppendOnlyError
from netral.cases.models.history import Deadline as Deadline
from netral.cases.models.history import Transition as Transition
from netral.cases.models.sanctions import SANCTION_MONTHS as SANCTION_MONTHS
from netral.cases.models.sanctions import BlockRecord as BlockRecord
from netral.cases.models.sanctions import Recommendation as Recommendation
from netral.cases.models.sanctions import SanctionDecree as SanctionDecree
from netral.cases.models.sanctions import SanctionForm as SanctionForm
from netral.cases.models.sanctions import add_months as add_months
from netral.cases.models.sanctions import sanction_end as sanction_end
from netral.cases.models.steps import ClassificationChange as ClassificationChange
from netral.cases.models.steps import DecisionExtension as DecisionExtension
from netral.cases.models.steps import ExternalRoute as ExternalRoute
from netral.cases.models.tally import CaseTally as CaseTally
from netral.cases.models.tally import DeadlineTally as DeadlineTally
from netral.cases.models.tally import DimensionTally as DimensionTally
from netral.cases.models.tally import PpkTally as PpkTally
from netral.cases.models.tally import WeekTally as WeekTally
from netral.cases.models.todos import CaseAssignment as CaseAssignment
from netral.cases.models.todos import CaseTask as CaseTask
