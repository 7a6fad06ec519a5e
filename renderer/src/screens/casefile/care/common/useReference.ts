import { useMemo } from 'react';
import type { ReferenceView } from '../../../../../../shared/ipc/casework-contract';
import type { SelectOption } from '../../../../components/form/SelectField';
import { useKimQuery } from '../../../../hooks/useKimQuery';

export interface ReferenceHelpers {
  reference: ReferenceView | undefined;
  partnerOptions: SelectOption[];
  partnerName: (id: string | null | undefined) => string;
  /** the override of a missing consent is offered only to this role (the core checks it too) */
  mayOverrideConsent: boolean;
}

/** The county's partners and the user's role, as the care forms need them. */
export function useReference() {
  const query = useKimQuery('reference.get', {});
  const reference = query.data;
  const helpers = useMemo<ReferenceHelpers>(() => {
    const partners = reference?.partners ?? [];
    const byId = new Map(partners.map((partner) => [partner.id, partner]));
    return {
      reference,
      partnerOptions: partners.map((partner) => ({ value: partner.id, label: `${partner.name} (${partner.type})` })),
      partnerName: (id) => (id ? (byId.get(id)?.name ?? id) : ''),
      mayOverrideConsent: reference?.role === 'teamleitung',
    };
  }, [reference]);
  return { ...helpers, status: query.status, error: query.error, reload: query.reload };
}
