import { caseDetail } from '../../casework/cases/case-detail';
import { addHouseholdLink, listHousehold, removeHouseholdLink } from '../../casework/cases/household';
import { setInvolvedPersons } from '../../casework/cases/involved';
import { listLegal, removeLegalDomain, saveDeadline, saveLegalDomain, setDeadlineDone } from '../../casework/cases/legal';
import { closeCase, closeCheck, movePhase, reopenCase } from '../../casework/cases/lifecycle';
import { targetGroupCheck } from '../../casework/cases/target-group-check';
import { addTheme, listThemes, removeTheme } from '../../casework/cases/themes';
import { referenceView } from '../../casework/reference';
import { openCase } from '../../services/cases';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

export type CaseHandlersChannels = 'reference.get' | 'cases.open' | 'cases.targetGroupCheck' | 'cases.get' | 'cases.movePhase' | 'cases.closeCheck' | 'cases.close' | 'cases.reopen' | 'cases.setInvolved' | 'household.list' | 'household.add' | 'household.remove' | 'legal.list' | 'legal.saveDomain' | 'legal.removeDomain' | 'deadlines.save' | 'deadlines.setDone' | 'themes.list' | 'themes.add' | 'themes.remove';

/** The case lifecycle, household, legal domains and themes: each channel to its service. */
export function createCaseHandlers(deps: HandlerDeps): Pick<HandlerTable, CaseHandlersChannels> {
  const ws = () => deps.session.require();
  return {
    'reference.get': () => referenceView(ws().db),
    'cases.open': (input) => openCase(ws(), input),
    'cases.targetGroupCheck': (input) => targetGroupCheck(ws(), input.personId, input.answers),
    'cases.get': (input) => caseDetail(ws(), input.id),
    'cases.movePhase': (input) => movePhase(ws(), input),
    'cases.closeCheck': (input) => closeCheck(ws(), input.caseId),
    'cases.close': (input) => closeCase(ws(), input),
    'cases.reopen': (input) => reopenCase(ws(), input),
    'cases.setInvolved': (input) => {
      const workspace = ws();
      setInvolvedPersons(workspace, input.caseId, input.personIds);
      return caseDetail(workspace, input.caseId);
    },
    'household.list': (input) => listHousehold(ws(), input.personId),
    'household.add': (input) => addHouseholdLink(ws(), input),
    'household.remove': (input) => removeHouseholdLink(ws(), input.id),
    'legal.list': (input) => listLegal(ws(), input.caseId),
    'legal.saveDomain': (input) => saveLegalDomain(ws(), input),
    'legal.removeDomain': (input) => removeLegalDomain(ws(), input.id),
    'deadlines.save': (input) => saveDeadline(ws(), input),
    'deadlines.setDone': (input) => setDeadlineDone(ws(), input.id, input.doneAt),
    'themes.list': (input) => listThemes(ws(), input.caseId),
    'themes.add': (input) => addTheme(ws(), input),
    'themes.remove': (input) => removeTheme(ws(), input.id),
  };
}
