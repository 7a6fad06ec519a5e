import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { closeCaseInputSchema, closeReasons, type CloseCheck } from '../../../../../../shared/domain/case';
import { call } from '../../../../api';
import { Dialog } from '../../../../components/Dialog';
import { CheckboxField } from '../../../../components/form/CheckboxField';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { FieldsetFrame } from '../../../../components/form/FieldsetFrame';
import { Radio } from '../../../../components/form/Radio';
import { orUndefined } from '../../../../components/form/schema-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { TextField } from '../../../../components/form/TextField';
import { LoadError } from '../../../../components/LoadError';
import { Loading } from '../../../../components/Loading';
import { formatIsoDate, todayIsoDate } from '../../../../format/dates';
import { useKimForm } from '../../../../hooks/useKimForm';
import { useKimQuery } from '../../../../hooks/useKimQuery';

interface CloseValues {
  reason: string;
  note: string;
  closedAt: string;
  acknowledgeOpenItems: boolean;
}

interface CloseDialogProps {
  caseId: string;
  onClose: () => void;
  onClosed: () => void;
}

/**
 * Closing a case: the reason (Sonstiges with a text), the date, and what is still open. Open
 * goals and tasks do not block, but the case manager must say so explicitly ("Trotzdem
 * abschließen"); the core then sets the open tasks to "entfallen".
 */
export function CloseDialog({ caseId, onClose, onClosed }: CloseDialogProps) {
  const { t } = useTranslation();
  const check = useKimQuery('cases.closeCheck', { caseId });
  return (
    <Dialog titleId="close-dialog-title" title={t('caseFile.close.title')} onClose={onClose}>
      {check.status === 'error' ? <LoadError error={check.error} onRetry={check.reload} /> : null}
      {check.status === 'loading' && !check.data ? <Loading /> : null}
      {check.data ? <CloseForm caseId={caseId} check={check.data} onCancel={onClose} onClosed={onClosed} /> : null}
    </Dialog>
  );
}

function CloseForm({ caseId, check, onCancel, onClosed }: { caseId: string; check: CloseCheck; onCancel: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const hasOpenItems = check.openGoals.length + check.openTasks.length > 0;
  const ackMessage = t('caseFile.close.acknowledgeError');
  // The shared schema, plus the one rule only the screen knows: open items need the tick.
  const schema = useMemo(
    () =>
      closeCaseInputSchema.superRefine((input, ctx) => {
        if (hasOpenItems && !input.acknowledgeOpenItems) ctx.addIssue({ code: 'custom', path: ['acknowledgeOpenItems'], message: ackMessage });
      }),
    [hasOpenItems, ackMessage],
  );
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'close',
    schema,
    toInput: (values: CloseValues) => ({
      caseId,
      reason: values.reason === '' ? undefined : values.reason,
      note: orUndefined(values.note),
      closedAt: orUndefined(values.closedAt),
      acknowledgeOpenItems: values.acknowledgeOpenItems,
    }),
    defaultValues: { reason: '', note: '', closedAt: todayIsoDate(), acknowledgeOpenItems: false },
    fields: {
      reason: { label: t('caseFile.close.reason'), message: t('caseFile.close.reasonError') },
      note: { label: t('caseFile.close.note'), message: t('caseFile.close.noteError') },
      closedAt: { label: t('caseFile.close.closedAt') },
      acknowledgeOpenItems: { label: t('caseFile.close.acknowledge'), message: ackMessage },
    },
  });

  const submit = onSubmit(async (input) => {
    await call('cases.close', input);
    onClosed();
  });

  return (
    <>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <FieldsetFrame id={id('reason')} legend={t('caseFile.close.reason')} error={errorFor('reason')} required>
          <div className="choice-column">
            {closeReasons.map((reason, index) => (
              <Radio
                key={reason}
                // the first radio carries the field's id: the error summary jumps there
                id={index === 0 ? id('reason') : id(`reason-${reason}`)}
                value={reason}
                label={t(`caseFile.closeReason.${reason}`)}
                registration={form.register('reason')}
              />
            ))}
          </div>
        </FieldsetFrame>
        <TextAreaField id={id('note')} label={t('caseFile.close.note')} hint={t('caseFile.close.noteHint')} registration={form.register('note')} error={errorFor('note')} rows={2} />
        <TextField id={id('closedAt')} label={t('caseFile.close.closedAt')} type="date" registration={form.register('closedAt')} error={errorFor('closedAt')} width="s" />
        {hasOpenItems ? (
          <div className="notice notice-warning">
            <p className="notice-title">{t('caseFile.close.openItemsTitle')}</p>
            {check.openGoals.length > 0 ? (
              <>
                <p>{t('caseFile.close.openGoals', { count: check.openGoals.length })}</p>
                <ul>
                  {check.openGoals.map((goal) => (
                    <li key={goal.id}>{goal.description}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {check.openTasks.length > 0 ? (
              <>
                <p>{t('caseFile.close.openTasks', { count: check.openTasks.length })}</p>
                <ul>
                  {check.openTasks.map((task) => (
                    <li key={task.id}>
                      {task.title}
                      {task.dueAt ? ` (${t('caseFile.tasks.dueAt', { date: formatIsoDate(task.dueAt) })})` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <CheckboxField
              id={id('acknowledgeOpenItems')}
              label={t('caseFile.close.acknowledge')}
              hint={t('caseFile.close.acknowledgeHint')}
              registration={form.register('acknowledgeOpenItems')}
              error={errorFor('acknowledgeOpenItems')}
            />
          </div>
        ) : (
          <p className="muted">{t('caseFile.close.nothingOpen')}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-warning" disabled={form.formState.isSubmitting}>
            {t('caseFile.close.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
