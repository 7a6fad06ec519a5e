import { describe, expect, it } from 'vitest';
import { isCalendarDate, isoDateSchema } from '../../../shared/domain/common';

describe('isoDateSchema', () => {
  it('accepts real calendar days, leap days included', () => {
    for (const value of ['2025-03-14', '2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01', '1900-01-01', '0024-02-29']) {
      expect(isoDateSchema.safeParse(value).success, value).toBe(true);
    }
  });

  it('refuses impossible days that Date.parse would roll over', () => {
    for (const value of ['2025-02-30', '2025-02-29', '1900-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-01-32']) {
      const result = isoDateSchema.safeParse(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Kein gültiges Datum');
    }
  });

  it('refuses other formats', () => {
    for (const value of ['14.03.2025', '2025-3-14', '2025-03-14T00:00:00Z', '', '20250314']) {
      expect(isoDateSchema.safeParse(value).success, value).toBe(false);
    }
    expect(isCalendarDate('2025-03-14 ')).toBe(false);
  });
});
