import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogs } from '../../../../shared/catalogs/catalogs';
import type { Person } from '../../../../shared/domain/person';
import { formatBirthDate, formatIsoDate, fullName } from '../../format/dates';

/** A person's recorded data as a description list; empty entries say so instead of vanishing. */
export function PersonFacts({ person, catalogs }: { person: Person; catalogs: Catalogs }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const label = (entries: { key: string; label: string }[], key: string) => entries.find((entry) => entry.key === key)?.label ?? key;
  const residence = person.residence ? catalogs.residenceStatuses.find((entry) => entry.key === person.residence?.status) : undefined;
  const municipality = person.address?.municipality ? label(catalogs.municipalities, person.address.municipality) : '';
  const addressLines = [person.address?.street, [person.address?.postalCode, municipality].filter(Boolean).join(' ')].filter(Boolean);

  const rows: [string, ReactNode][] = [
    [t('detail.name'), fullName(person)],
    [t('detail.otherSpellings'), person.otherSpellings.length > 0 ? person.otherSpellings.join(' · ') : none],
    [t('detail.birthDate'), formatBirthDate(person.birthDate, t)],
    [t('detail.gender'), t(`gender.${person.gender}`)],
    [t('detail.nationalities'), person.nationalities.length > 0 ? person.nationalities.map((key) => label(catalogs.nationalities, key)).join(', ') : none],
    [
      t('detail.languages'),
      person.languages.length > 0 ? (
        <ul className="plain-list">
          {person.languages.map((language) => (
            <li key={language.language}>
              {label(catalogs.languages, language.language)}
              {language.interpreterNeeded ? <span className="tag">{t('detail.interpreterNeeded')}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        none
      ),
    ],
    [
      t('detail.residence'),
      person.residence ? (
        <>
          {residence?.label ?? person.residence.status}
          {person.residence.paragraph ? ` – ${person.residence.paragraph}` : residence && residence.legalBasis !== '—' ? ` (${residence.legalBasis})` : ''}
          {person.residence.validUntil ? <span className="fact-note">{t('detail.validUntil', { date: formatIsoDate(person.residence.validUntil) })}</span> : null}
        </>
      ) : (
        none
      ),
    ],
    [t('detail.arrivalDate'), person.arrivalDate ? formatIsoDate(person.arrivalDate) : none],
    [t('detail.address'), addressLines.length > 0 ? addressLines.map((line) => <span key={line} className="fact-line">{line}</span>) : none],
    [t('detail.phone'), person.phone || none],
    [t('detail.email'), person.email || none],
  ];

  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
