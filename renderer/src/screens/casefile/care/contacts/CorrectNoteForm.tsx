import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { correctNoteInputSchema, type Contact } from '../../../../../../shared/domain/contact';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { TextField } from '../../../../components/form/TextField';
import { CareForm } from '../common/CareForm';
import { careResolver } from '../common/care-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { optionalText } from '../common/today';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';

type CorrectNoteInput = z.output<typeof correctNoteInputSchema>;
interface CorrectValues {
  text: string;
  reason: string;
}

/** "Vermerk korrigieren": a new version of the note; the earlier ones stay as they were. */
export function CorrectNoteForm({ contact, onSaved, onCancel }: { contact: Contact; onSaved: (contact: Contact) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const formId = `correct-${contact.id}`;
  const id = (path: string) => fieldId(formId, path);
  const resolver = useMemo(
    () => careResolver<CorrectValues, CorrectNoteInput>(correctNoteInputSchema, (values) => ({ contactId: contact.id, text: values.text, reason: optionalText(values.reason) })),
    [contact.id],
  );
  const { form, formError, attempt, busy, onSubmit } = useCareForm<CorrectValues, CorrectNoteInput>({
    resolver,
    defaultValues: { text: contact.notes[0]?.text ?? '', reason: '' },
    fields: ['text', 'reason'],
    submit: async (input) => onSaved(await call('contacts.correctNote', input)),
  });
  const labels = { text: t('care.contact.correctedText'), reason: t('care.contact.correctionReason') };
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, { labels });
  return (
    <CareForm id={formId} labelledBy={`${formId}-title`} items={items} attempt={attempt} busy={busy} submitLabel={t('care.contact.saveCorrection')} onSubmit={onSubmit} onCancel={onCancel} className="care-subform">
      <p id={`${formId}-title`} className="care-subform-title">
        {t('care.contact.correctTitle')}
      </p>
      <p className="field-hint">{t('care.contact.correctHint')}</p>
      <TextAreaField id={id('text')} label={labels.text} registration={form.register('text')} error={errorFor('text')} required rows={5} />
      <TextField id={id('reason')} label={labels.reason} registration={form.register('reason')} error={errorFor('reason')} />
    </CareForm>
  );
}
