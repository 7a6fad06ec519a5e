import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../../../shared/domain/contact';
import { StatusMessage } from '../../../../components/StatusMessage';
import { formatIsoDate } from '../../../../format/dates';
import { CorrectNoteForm } from './CorrectNoteForm';
import { NoteVersion } from './NoteVersion';
import { useFocusAfterRender } from '../../../../hooks/useFocusAfterRender';

/** One contact: the facts, the current note and — disclosed — every earlier version of it. */
export function ContactItem({ contact, closed, onChanged }: { contact: Contact; closed: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const [corrected, setCorrected] = useState(false);
  const correctRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const headingId = `contact-${contact.id}`;
  const [current, ...earlier] = contact.notes;
  const when = [formatIsoDate(contact.contactDate), contact.startTime].filter(Boolean).join(', ');
  const title = `${when} · ${t(`care.contact.modes.${contact.mode}`)} · ${t('care.contact.minutes', { count: contact.durationMinutes })}`;

  return (
    <li className="care-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="care-card-title">
        {title}
      </h3>
      <dl className="care-facts">
        <div>
          <dt>{t('care.contact.participants')}</dt>
          <dd>{contact.participants.length > 0 ? contact.participants.join(', ') : t('care.common.none')}</dd>
        </div>
        <div>
          <dt>{t('care.contact.interpreter')}</dt>
          <dd>
            {contact.interpreter
              ? `${contact.interpreter.language} (${t(`care.contact.interpreterKinds.${contact.interpreter.kind}`)})`
              : t('care.contact.noInterpreter')}
          </dd>
        </div>
        <div>
          <dt>{t('care.contact.topics')}</dt>
          <dd>
            {contact.topics.length > 0 ? (
              <ul className="topic-list">
                {contact.topics.map((topic) => (
                  <li key={topic} className="topic">
                    {t(`care.lifeDomain.${topic}`)}
                  </li>
                ))}
              </ul>
            ) : (
              t('care.common.none')
            )}
          </dd>
        </div>
      </dl>
      <h4 className="note-title">
        {t('care.contact.note')}
        {earlier.length > 0 ? <span className="care-badge note-corrected">{t('care.contact.corrected')}</span> : null}
      </h4>
      {current ? <NoteVersion version={current} /> : null}
      {earlier.length > 0 ? (
        <details className="care-details">
          <summary>{t('care.contact.earlierVersions', { count: earlier.length })}</summary>
          <ol className="care-history">
            {earlier.map((version) => (
              <li key={version.id}>
                <NoteVersion version={version} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <StatusMessage message={corrected ? t('care.contact.correctionSaved') : null} />
      {closed ? null : correcting ? (
        <CorrectNoteForm
          contact={contact}
          onSaved={() => {
            setCorrecting(false);
            setCorrected(true);
            onChanged();
            focusAfterRender(() => correctRef.current);
          }}
          onCancel={() => {
            setCorrecting(false);
            focusAfterRender(() => correctRef.current);
          }}
        />
      ) : (
        <div className="care-card-actions">
          <button
            ref={correctRef}
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setCorrected(false);
              setCorrecting(true);
            }}
          >
            {t('care.contact.correct')}
            <span className="visually-hidden">: {title}</span>
          </button>
        </div>
      )}
    </li>
  );
}
