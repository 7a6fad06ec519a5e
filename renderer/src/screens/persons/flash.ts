/** A one-line confirmation carried through a navigation (router state), shown on the next screen. */
export type Flash = 'created' | 'saved';

export function flashOf(state: unknown): Flash | null {
  if (state && typeof state === 'object' && 'flash' in state) {
    const flash = (state as { flash: unknown }).flash;
    if (flash === 'created' || flash === 'saved') return flash;
  }
  return null;
}
