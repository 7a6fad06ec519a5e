import '../../../styles/care.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { Loading } from '../../../components/Loading';
import { StatusMessage } from '../../../components/StatusMessage';
import { useKimQuery } from '../../../hooks/useKimQuery';
import type { CaseTabProps } from '../tab-props';
import { ClosedNote } from './common/ClosedNote';
import { ReferralForm } from './referrals/ReferralForm';
import { ReferralItem } from './referrals/ReferralItem';
import { useFocusAfterRender } from '../../../hooks/useFocusAfterRender';

/** Tab "Vermittlungen": referrals to network partners, each resting on a consent. */
export function ReferralsTab({ caseId, personId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  const referrals = useKimQuery('referrals.list', { caseId });
  const consents = useKimQuery('consents.list', { personId });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const list = [...(referrals.data ?? [])].sort((a, b) => b.referredAt.localeCompare(a.referredAt) || b.createdAt.localeCompare(a.createdAt));
  const back = () => focusAfterRender(() => addRef.current);

  return (
    <div className="care-view">
      <ClosedNote closed={closed} />
      <div className="care-section-head">
        <h2 id="referrals-title">{t('care.referral.title')}</h2>
        {!closed && !adding ? (
          <button
            ref={addRef}
            type="button"
            className="button button-primary"
            onClick={() => {
              setSaved(false);
              setAdding(true);
            }}
          >
            {t('care.referral.add')}
          </button>
        ) : null}
      </div>
      <StatusMessage message={saved ? t('care.referral.saved') : null} />
      {consents.status === 'error' ? <LoadError error={consents.error} onRetry={consents.reload} /> : null}
      {adding ? (
        <ReferralForm
          caseId={caseId}
          personId={personId}
          consents={consents.data ?? []}
          onConsentAdded={consents.reload}
          onSaved={() => {
            setAdding(false);
            setSaved(true);
            referrals.reload();
            back();
          }}
          onCancel={() => {
            setAdding(false);
            back();
          }}
        />
      ) : null}
      {referrals.status === 'error' ? <LoadError error={referrals.error} onRetry={referrals.reload} /> : null}
      {referrals.status === 'loading' && !referrals.data ? <Loading /> : null}
      {referrals.data && list.length === 0 ? <p className="muted">{t('care.referral.none')}</p> : null}
      {list.length > 0 ? (
        <ul className="care-list">
          {list.map((referral) => (
            <ReferralItem key={referral.id} referral={referral} consents={consents.data ?? []} closed={closed} onChanged={referrals.reload} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
