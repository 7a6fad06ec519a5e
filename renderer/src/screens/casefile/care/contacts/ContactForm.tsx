import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contactInputSchema, contactModes, interpreterKindSchema, type Contact, type ContactInput } from '../../../../../../shared/domain/contact';
import { lifeDomains } from '../../../../../../shared/domain/life-domains';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { FieldsetFrame } from '../../../../components/form/FieldsetFrame';
import { Radio } from '../../../../components/form/Radio';
import { SelectField } from '../../../../components/form/SelectField';
import { TextField } from '../../../../components/form/TextField';
import { CareForm } from '../common/CareForm';
import { FormPanel } from '../common/FormPanel';
import { careResolver } from '../common/care-resolver';
import { CheckboxField } from '../../../../components/form/CheckboxField';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';
import { contactFields, contactFormPath, contactFormToInput, emptyContactForm, type ContactFormValues } from './contact-form-values';

const formId = 'contact-form';

/** A Beratungskontakt: when, how long, how, who, interpreter, topics and the note. */
export function ContactForm({ caseId, onSaved, onCancel }: { caseId: string; onSaved: (contact: Contact) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = (path: string) => fieldId(formId, path);
  const resolver = useMemo(() => careResolver<ContactFormValues, ContactInput>(contactInputSchema, (values) => contactFormToInput(values, caseId), contactFormPath), [caseId]);
  const { form, formError, attempt, busy, onSubmit } = useCareForm<ContactFormValues, ContactInput>({
    resolver,
    defaultValues: emptyContactForm(),
    fields: contactFields,
    submit: async (input) => onSaved(await call('contacts.create', input)),
  });
  const { register, control } = form;
  const withInterpreter = useWatch({ control, name: 'withInterpreter' });
  const labels = {
    contactDate: t('care.contact.date'),
    startTime: t('care.contact.time'),
    durationMinutes: t('care.contact.duration'),
    mode: t('care.contact.mode'),
    participants: t('care.contact.participants'),
    interpreterLanguage: t('care.contact.interpreterLanguage'),
    interpreterKind: t('care.contact.interpreterKind'),
    topics: t('care.contact.topics'),
    note: t('care.contact.note'),
  };
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, {
    labels,
    fixed: { durationMinutes: t('care.contact.durationMissing'), interpreterKind: t('care.contact.interpreterKindMissing') },
    target: (path) => (path === 'mode' ? 'mode.persoenlich' : path === 'topics' ? `topics.${lifeDomains[0]}` : path),
  });
  const modeRegistration = register('mode');
  const topicsRegistration = register('topics');

  return (
    <FormPanel headingId="contact-form-title" title={t('care.contact.newTitle')} focusOnMount>
      <CareForm id={formId} labelledBy="contact-form-title" items={items} attempt={attempt} busy={busy} submitLabel={t('care.contact.save')} onSubmit={onSubmit} onCancel={onCancel}>
        <div className="field-row">
          <TextField id={id('contactDate')} label={labels.contactDate} type="date" registration={register('contactDate')} error={errorFor('contactDate')} required width="s" />
          <TextField id={id('startTime')} label={labels.startTime} type="time" registration={register('startTime')} error={errorFor('startTime')} width="xs" />
          <TextField
            id={id('durationMinutes')}
            label={labels.durationMinutes}
            inputMode="numeric"
            registration={register('durationMinutes')}
            error={errorFor('durationMinutes')}
            required
            width="xs"
          />
        </div>
        <FieldsetFrame id={id('mode')} legend={labels.mode} error={errorFor('mode')} required>
          <div className="choice-row">
            {contactModes.map((mode) => (
              <Radio key={mode} id={id(`mode.${mode}`)} value={mode} label={t(`care.contact.modes.${mode}`)} registration={modeRegistration} />
            ))}
          </div>
        </FieldsetFrame>
        <TextField id={id('participants')} label={labels.participants} hint={t('care.contact.participantsHint')} registration={register('participants')} error={errorFor('participants')} />
        <FieldsetFrame id={id('interpreter')} legend={t('care.contact.interpreter')}>
          <CheckboxField id={id('withInterpreter')} label={t('care.contact.withInterpreter')} registration={register('withInterpreter')} />
          {withInterpreter ? (
            <div className="field-row care-indent">
              <TextField id={id('interpreterLanguage')} label={labels.interpreterLanguage} registration={register('interpreterLanguage')} error={errorFor('interpreterLanguage')} required width="m" />
              <SelectField
                id={id('interpreterKind')}
                label={labels.interpreterKind}
                registration={register('interpreterKind')}
                options={interpreterKindSchema.options.map((kind) => ({ value: kind, label: t(`care.contact.interpreterKinds.${kind}`) }))}
                emptyLabel={t('common.choose')}
                error={errorFor('interpreterKind')}
                required
                width="m"
              />
            </div>
          ) : null}
        </FieldsetFrame>
        <FieldsetFrame id={id('topics')} legend={labels.topics} hint={t('care.contact.topicsHint')} error={errorFor('topics')}>
          <div className="choice-grid">
            {lifeDomains.map((domain) => (
              <CheckboxField key={domain} id={id(`topics.${domain}`)} label={t(`care.lifeDomain.${domain}`)} value={domain} registration={topicsRegistration} />
            ))}
          </div>
        </FieldsetFrame>
        <TextAreaField id={id('note')} label={labels.note} hint={t('care.contact.noteHint')} registration={register('note')} error={errorFor('note')} required rows={6} />
      </CareForm>
    </FormPanel>
  );
}
