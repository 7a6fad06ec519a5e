import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../../components/LoadError';
import { Loading } from '../../../../components/Loading';
import { StatusMessage } from '../../../../components/StatusMessage';
import type { Consent } from '../../../../../../shared/domain/consent';
import { useKimQuery } from '../../../../hooks/useKimQuery';
import { ClosedNote } from '../common/ClosedNote';
import { ConsentForm } from './ConsentForm';
import { ConsentItem } from './ConsentItem';

interface ConsentsViewProps {
  personId: string;
  /** the case the consent is recorded in, if any (consents belong to the person) */
  caseId?: string;
  closed: boolean;
  headingLevel: 2 | 3;
  /** consents someone already loaded (the person's file): no query of its own; a change calls onChanged */
  given?: { readonly consents: readonly Consent[]; readonly onChanged: () => void };
}

/** A person's consents, newest first, and the form for a new one. */
export function ConsentsView({ personId, caseId, closed, headingLevel, given }: ConsentsViewProps) {
  const { t } = useTranslation();
  const query = useKimQuery('consents.list', { personId }, given === undefined);
  const consents = given ? { status: 'success' as const, data: given.consents, error: undefined, reload: given.onChanged } : query;
  const [created, setCreated] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const list = [...(consents.data ?? [])].sort((a, b) => b.givenAt.localeCompare(a.givenAt) || b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="care-view">
      <ClosedNote closed={closed} />
      <section aria-labelledby="consents-list-title">
        <Heading id="consents-list-title">{t('care.consent.listTitle')}</Heading>
        <StatusMessage message={created ? t('care.consent.created') : null} />
        {consents.status === 'error' ? <LoadError error={consents.error} onRetry={consents.reload} /> : null}
        {consents.status === 'loading' && !consents.data ? <Loading /> : null}
        {consents.data && list.length === 0 ? <p className="muted">{t('care.consent.none')}</p> : null}
        {list.length > 0 ? (
          <ul className="care-list">
            {list.map((consent) => (
              <ConsentItem key={consent.id} consent={consent} closed={closed} focusOnMount={consent.id === created} onChanged={consents.reload} headingLevel={headingLevel === 2 ? 3 : 4} />
            ))}
          </ul>
        ) : null}
      </section>
      {closed ? null : (
        <ConsentForm
          personId={personId}
          caseId={caseId}
          headingLevel={headingLevel}
          onSaved={(consent) => {
            setCreated(consent.id);
            consents.reload();
          }}
        />
      )}
    </div>
  );
}
