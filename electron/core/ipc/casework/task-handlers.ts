import { personFile } from '../../casework/person-file';
import { getTaskRuleSettings, updateTaskRuleSettings } from '../../casework/tasks/rule-settings';
import { createTask, listTasks, setTaskStatus } from '../../casework/tasks/tasks';
import { todayDashboard } from '../../casework/tasks/today';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

export type TaskHandlersChannels =
  | 'persons.file'
  | 'tasks.list'
  | 'tasks.create'
  | 'tasks.setStatus'
  | 'tasks.today'
  | 'tasks.ruleSettings.get'
  | 'tasks.ruleSettings.update';

export function createTaskHandlers(deps: HandlerDeps): Pick<HandlerTable, TaskHandlersChannels> {
  const { session } = deps;
  return {
    'persons.file': (input) => personFile(session.require(), input.personId),
    'tasks.list': (input) => listTasks(session.require(), input),
    'tasks.create': (input) => createTask(session.require(), input),
    'tasks.setStatus': (input) => setTaskStatus(session.require(), input.id, input.status),
    'tasks.today': () => todayDashboard(session.require()),
    'tasks.ruleSettings.get': () => getTaskRuleSettings(session.require().db),
    'tasks.ruleSettings.update': (input) => updateTaskRuleSettings(session.require().db, input),
  };
}
