import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../../../shared/domain/consent';
import type { Referral } from '../../../../../../shared/domain/referral';
import { StatusMessage } from '../../../../components/StatusMessage';
import { formatIsoDate } from '../../../../format/dates';
import { nextStatuses, ReferralStatusForm } from './ReferralStatusForm';
import { useFocusAfterRender } from '../../../../hooks/useFocusAfterRender';

interface ReferralItemProps {
  referral: Referral;
  consents: readonly Consent[];
  closed: boolean;
  onChanged: () => void;
}

/** One referral: partner, life domain, reason, the consent it rests on, status and outcome. */
export function ReferralItem({ referral, consents, closed, onChanged }: ReferralItemProps) {
  const { t } = useTranslation();
  const [updating, setUpdating] = useState(false);
  const [saved, setSaved] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const headingId = `referral-${referral.id}`;
  const consent = consents.find((item) => item.id === referral.consentId);
  const title = `${referral.partnerName} · ${t(`care.lifeDomain.${referral.lifeDomain}`)}`;
  const canMove = !closed && nextStatuses[referral.status].length > 0;

  return (
    <li className="care-card" aria-labelledby={headingId}>
      <div className="care-card-head">
        <h3 id={headingId} className="care-card-title">
          {title}
        </h3>
        <span className={`care-badge referral-${referral.status}`}>
          <span className="visually-hidden">{t('care.referral.status')}: </span>
          {t(`care.referral.statuses.${referral.status}`)}
        </span>
      </div>
      <dl className="care-facts">
        <div>
          <dt>{t('care.referral.date')}</dt>
          <dd>{formatIsoDate(referral.referredAt)}</dd>
        </div>
        <div>
          <dt>{t('care.referral.reason')}</dt>
          <dd className="note-text">{referral.reason}</dd>
        </div>
        <div>
          <dt>{t('care.referral.consent')}</dt>
          <dd>
            {referral.overrideReason
              ? t('care.referral.overridden', { reason: referral.overrideReason })
              : consent
                ? t('care.referral.consentOption', { purpose: t(`care.consent.purposes.${consent.purpose}`), date: formatIsoDate(consent.givenAt) })
                : referral.consentId
                  ? t('care.referral.consentLinked')
                  : t('care.common.none')}
          </dd>
        </div>
        {referral.outcome ? (
          <div>
            <dt>{t('care.referral.outcome')}</dt>
            <dd className="note-text">{referral.outcome}</dd>
          </div>
        ) : null}
      </dl>
      <StatusMessage message={saved ? t('care.referral.statusSaved') : null} />
      {canMove ? (
        updating ? (
          <ReferralStatusForm
            referral={referral}
            onSaved={() => {
              setUpdating(false);
              setSaved(true);
              onChanged();
              focusAfterRender(() => buttonRef.current ?? document.getElementById(headingId));
            }}
            onCancel={() => {
              setUpdating(false);
              focusAfterRender(() => buttonRef.current);
            }}
          />
        ) : (
          <div className="care-card-actions">
            <button
              ref={buttonRef}
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setSaved(false);
                setUpdating(true);
              }}
            >
              {t('care.referral.changeStatus')}
              <span className="visually-hidden">: {title}</span>
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}
