import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Catalogs } from '../../../../shared/catalogs/catalogs';
import type { Person, PersonInput, PersonSummary } from '../../../../shared/domain/person';
import { call } from '../../api';
import { fieldId } from '../../components/form/field-ids';
import { emptyPersonForm, formPathOf, personToForm, type PersonFormValues } from '../../forms/person/person-form-values';
import { personResolver } from '../../forms/person/person-resolver';
import { applyServerError } from '../../forms/server-errors';
import { DuplicatePanel } from './DuplicatePanel';
import type { Flash } from './flash';
import { personFormId } from './form/person-form-context';
import { PersonForm } from './form/PersonForm';

const formFields = Object.keys(emptyPersonForm());

interface PersonEditorProps {
  catalogs: Catalogs;
  /** the person being edited; absent when creating */
  person?: Person;
}

type Busy = 'checking' | 'saving' | null;

/** Create or edit a person. On create, resembling persons are shown before anything is saved. */
export function PersonEditor({ catalogs, person }: PersonEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resolver = useMemo(
    () => personResolver((status) => catalogs.residenceStatuses.some((entry) => entry.key === status && entry.asksParagraph)),
    [catalogs],
  );
  const form = useForm<PersonFormValues, unknown, PersonInput>({
    resolver,
    defaultValues: person ? personToForm(person) : emptyPersonForm(),
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [busy, setBusy] = useState<Busy>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [duplicates, setDuplicates] = useState<{ input: PersonInput; candidates: PersonSummary[] } | null>(null);

  // A warning about the data as it was is void once the data change.
  useEffect(() => {
    const subscription = form.watch(() => setDuplicates(null));
    return () => subscription.unsubscribe();
  }, [form]);

  const fail = (error: unknown) => {
    setFormError(applyServerError(error, form.setError, formFields, formPathOf));
    setFailures((n) => n + 1);
    setBusy(null);
  };

  const save = async (input: PersonInput) => {
    setBusy('saving');
    try {
      const saved = person ? await call('persons.update', { id: person.id, person: input }) : await call('persons.create', input);
      const flash: Flash = person ? 'saved' : 'created';
      navigate(`/persons/${saved.id}`, { state: { flash } });
    } catch (error) {
      fail(error);
    }
  };

  const onValid = async (input: PersonInput) => {
    setFormError(null);
    if (person) {
      await save(input);
      return;
    }
    setBusy('checking');
    try {
      const candidates = await call('persons.findDuplicates', {
        familyName: input.familyName,
        givenNames: input.givenNames,
        otherSpellings: input.otherSpellings,
        birthDate: input.birthDate,
      });
      if (candidates.length > 0) {
        setDuplicates({ input, candidates });
        setBusy(null);
        return;
      }
    } catch (error) {
      fail(error);
      return;
    }
    await save(input);
  };

  const backToForm = () => {
    setDuplicates(null);
    document.getElementById(fieldId(personFormId, 'familyName'))?.focus();
  };

  const footer = duplicates ? (
    <DuplicatePanel candidates={duplicates.candidates} busy={busy !== null} onCreateAnyway={() => void save(duplicates.input)} onBack={backToForm} />
  ) : (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={busy !== null}>
        {busy === 'checking' ? t('person.checking') : busy === 'saving' ? t('person.saving') : person ? t('person.saveEdit') : t('person.saveCreate')}
      </button>
      <Link to={person ? `/persons/${person.id}` : '/persons'} className="button button-secondary">
        {t('common.cancel')}
      </Link>
    </div>
  );

  return (
    <PersonForm
      form={form}
      catalogs={catalogs}
      formError={formError}
      attempt={`${form.formState.submitCount}-${failures}`}
      onSubmit={(event) => void form.handleSubmit(onValid)(event)}
      footer={footer}
    />
  );
}
