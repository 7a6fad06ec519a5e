import type { FieldErrors, FieldValues } from 'react-hook-form';

export interface FlatError {
  /** dotted path as react-hook-form names fields: "birthDate.year", "otherSpellings.0.value" */
  path: string;
  message: string;
}

/** react-hook-form nests errors like the values; the summary and the remapping need a list. */
export function flattenErrors<T extends FieldValues>(errors: FieldErrors<T>): FlatError[] {
  const out: FlatError[] = [];
  walk(errors, '', out);
  return out;
}

function walk(node: unknown, path: string, out: FlatError[]): void {
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.message === 'string' && typeof record.type === 'string') {
    out.push({ path, message: record.message });
    return;
  }
  for (const [key, child] of Object.entries(record)) {
    if (key === 'ref') continue;
    walk(child, path ? `${path}.${key}` : key, out);
  }
}

/** Builds nested errors again from a list; numeric segments become arrays like RHF expects. */
export function nestErrors(list: { path: string; message: string; type: string }[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { path, message, type } of list) {
    const keys = path.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, index) => {
      const last = index === keys.length - 1;
      const container = node as Record<string, unknown>;
      if (last) {
        container[key] = { type, message };
        return;
      }
      if (container[key] === undefined) container[key] = /^\d+$/.test(keys[index + 1] ?? '') ? [] : {};
      node = container[key] as Record<string, unknown>;
    });
  }
  return root;
}
