import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/reference/reference-data';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';

/**
 * Netzwerkpartner: the county's partner directory as the server last sent it (reference data),
 * grouped by type, with a filter over name, type and municipality. Read-only: the county keeps it.
 */
export function PartnersScreen() {
  const { t } = useTranslation();
  usePageTitle(t('caseFile.partners.title'));
  const reference = useKimQuery('reference.get', {});
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => groupByType(reference.data?.partners ?? [], filter), [reference.data, filter]);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('caseFile.partners.title')}</PageHeading>
      </div>
      <p className="muted">{t('caseFile.partners.intro')}</p>
      {reference.status === 'error' ? <LoadError error={reference.error} onRetry={reference.reload} /> : null}
      {reference.status === 'loading' && !reference.data ? <Loading /> : null}
      {reference.data ? (
        <>
          <div className="field">
            <label htmlFor="partner-filter" className="field-label">
              {t('caseFile.partners.filter')}
            </label>
            <input id="partner-filter" className="input input-l" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
          </div>
          <p role="status" className="muted">
            {t('caseFile.partners.count', { count: groups.reduce((sum, group) => sum + group.partners.length, 0) })}
          </p>
          {groups.map((group) => (
            <section key={group.type} className="panel" aria-labelledby={`partners-${slug(group.type)}`}>
              <h2 id={`partners-${slug(group.type)}`}>{group.type}</h2>
              <ul className="partner-list">
                {group.partners.map((partner) => (
                  <li key={partner.id}>
                    <PartnerEntry partner={partner} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}

function PartnerEntry({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const details: [string, string | undefined][] = [
    [t('caseFile.partners.municipality'), partner.municipality],
    [t('caseFile.partners.address'), partner.address],
    [t('caseFile.partners.phone'), partner.phone],
    [t('caseFile.partners.email'), partner.email],
    [t('caseFile.partners.website'), partner.website],
  ];
  const known = details.filter((entry): entry is [string, string] => Boolean(entry[1]));
  return (
    <>
      <p className="partner-name">{partner.name}</p>
      {known.length > 0 ? (
        <dl className="partner-details">
          {known.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

interface PartnerGroup {
  readonly type: string;
  readonly partners: readonly Partner[];
}

/** Partners matching every word of the filter (name, type, municipality), grouped by type. */
export function groupByType(partners: readonly Partner[], filter: string): PartnerGroup[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const matching = partners.filter((partner) => {
    const haystack = fold(`${partner.name} ${partner.type} ${partner.municipality ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
  const byType = new Map<string, Partner[]>();
  for (const partner of matching) byType.set(partner.type, [...(byType.get(partner.type) ?? []), partner]);
  return [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'de'))
    .map(([type, list]) => ({ type, partners: [...list].sort((a, b) => a.name.localeCompare(b.name, 'de')) }));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function slug(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '-');
}
