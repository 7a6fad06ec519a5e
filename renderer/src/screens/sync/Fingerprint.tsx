import { useTranslation } from 'react-i18next';

/**
 * The server key's fingerprint, large and in numbered groups of five digits, as the county IT
 * reads it out on the phone. Screen readers get it digit by digit ("1 2 3 4 5, …"), not as
 * "twelve thousand …", which could not be compared.
 */
export function Fingerprint({ value, id }: { value: string; id?: string }) {
  const { t } = useTranslation();
  const groups = value.split(/\s+/).filter(Boolean);
  const spoken = groups.map((group) => group.split('').join(' ')).join(', ');
  return (
    <figure className="fingerprint" id={id} tabIndex={id ? -1 : undefined}>
      <figcaption className="fingerprint-caption">{t('register.fingerprintLabel')}</figcaption>
      <ol className="fingerprint-groups" aria-hidden="true">
        {groups.map((group, index) => (
          <li key={index} className="fingerprint-group">
            <span className="fingerprint-index">{index + 1}</span>
            <span className="fingerprint-digits">{group}</span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden">{spoken}</p>
    </figure>
  );
}
