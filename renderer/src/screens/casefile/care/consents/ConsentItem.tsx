import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../../../shared/domain/consent';
import { ActionFeedback } from '../../../../components/ActionFeedback';
import { formatIsoDate, formatTimestamp } from '../../../../format/dates';
import { DocumentsPanel } from '../../../documents/DocumentsPanel';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { WithdrawForm } from './WithdrawForm';
import { useFocusAfterRender } from '../../../../hooks/useFocusAfterRender';

interface ConsentItemProps {
  consent: Consent;
  closed: boolean;
  /** the consent was just recorded: its heading takes focus, so attaching the form is next */
  focusOnMount: boolean;
  onChanged: () => void;
  /** h3 in a case tab, h4 inside the person page's panel */
  headingLevel: 3 | 4;
}

/** One consent with its facts, the signed form and the withdrawal. */
export function ConsentItem({ consent, closed, focusOnMount, onChanged, headingLevel }: ConsentItemProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const withdrawRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const [withdrawing, setWithdrawing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const headingId = `consent-${consent.id}`;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const purpose = t(`care.consent.purposes.${consent.purpose}`);
  const formText =
    consent.form === 'muendlich_dolmetschung' && consent.interpreterLanguage
      ? `${t('care.consent.forms.muendlich_dolmetschung')} (${consent.interpreterLanguage})`
      : t(`care.consent.forms.${consent.form}`);

  return (
    <li className="care-card" aria-labelledby={headingId}>
      <div className="care-card-head">
        <Heading id={headingId} ref={headingRef} tabIndex={-1} className="care-card-title">
          {purpose}
          {consent.recipientName ? <span className="care-card-sub"> · {consent.recipientName}</span> : null}
        </Heading>
        <ConsentStatusBadge status={consent.status} />
      </div>
      <dl className="care-facts">
        <div>
          <dt>{t('care.consent.givenAt')}</dt>
          <dd>{formatIsoDate(consent.givenAt)}</dd>
        </div>
        <div>
          <dt>{t('care.consent.form')}</dt>
          <dd>{formText}</dd>
        </div>
        <div>
          <dt>{t('care.consent.validUntil')}</dt>
          <dd>{consent.validUntil ? formatIsoDate(consent.validUntil) : t('care.consent.unlimited')}</dd>
        </div>
        {consent.purposeText ? (
          <div>
            <dt>{t('care.consent.purposeText')}</dt>
            <dd>{consent.purposeText}</dd>
          </div>
        ) : null}
        {consent.withdrawnAt ? (
          <div>
            <dt>{t('care.consent.withdrawnAt')}</dt>
            <dd>
              {formatIsoDate(consent.withdrawnAt)}
              {consent.withdrawalNote ? ` – ${consent.withdrawalNote}` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('care.common.recordedBy')}</dt>
          <dd>
            {consent.recordedBy}, {formatTimestamp(consent.createdAt)}
          </dd>
        </div>
      </dl>
      <DocumentsPanel personId={consent.personId} ownerKind="consent" ownerId={consent.id} heading={t('care.consent.signedForm')} readOnly={closed} compact />
      <ActionFeedback message={message} failure={null} />
      {!closed && !consent.withdrawnAt ? (
        withdrawing ? (
          <WithdrawForm
            consent={consent}
            onDone={() => {
              setWithdrawing(false);
              setMessage(t('care.consent.withdrawn'));
              onChanged();
            }}
            onCancel={() => {
              setWithdrawing(false);
              focusAfterRender(() => withdrawRef.current);
            }}
          />
        ) : (
          <div className="care-card-actions">
            <button ref={withdrawRef} type="button" className="button button-secondary button-small" onClick={() => setWithdrawing(true)}>
              {t('care.consent.withdraw')}
              <span className="visually-hidden">: {purpose}</span>
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}
