import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/contact';
import { formatIsoDate } from '../../format/dates';

/** How many contacts the person page shows, and how much of each note. */
const shown = 5;
const noteLength = 200;

/** The start of a note for a glance: one line of text, cut at a word near `max` characters. */
export function shortenNote(text: string, max = noteLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')} …`;
}

/**
 * "Letzte Beratungskontakte": the newest contacts across all the person's cases (the file lists
 * them newest first), each with its current note shortened and the way to the case's contacts.
 */
export function PersonRecentContacts({ contacts }: { contacts: readonly Contact[] }) {
  const { t } = useTranslation();
  const recent = contacts.slice(0, shown);

  return (
    <section aria-labelledby="recent-contacts-title" className="panel">
      <h2 id="recent-contacts-title">{t('caseFile.personFile.contactsTitle')}</h2>
      {recent.length === 0 ? <p className="muted">{t('caseFile.personFile.contactsEmpty')}</p> : null}
      {recent.length > 0 ? (
        <ul className="recent-contacts">
          {recent.map((contact) => {
            const date = formatIsoDate(contact.contactDate);
            const when = [date, contact.startTime].filter(Boolean).join(', ');
            const note = contact.notes[0]?.text ?? '';
            return (
              <li key={contact.id} className="recent-contact">
                <span className="recent-contact-title">
                  {when} · {t(`care.contact.modes.${contact.mode}`)} · {t('care.contact.minutes', { count: contact.durationMinutes })}
                </span>
                {note ? <p className="recent-contact-note">{shortenNote(note)}</p> : null}
                <Link to={`/cases/${contact.caseId}/contacts`} className="recent-contact-link">
                  {t('caseFile.personFile.toContacts')}
                  <span className="visually-hidden"> ({t('caseFile.personFile.contactOf', { date })})</span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
      {contacts.length > shown ? <p className="muted recent-contacts-more">{t('caseFile.personFile.contactsMore', { shown, count: contacts.length })}</p> : null}
    </section>
  );
}
