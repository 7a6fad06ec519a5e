/**
 * A polite live region that is always in the DOM: screen readers announce changes of a region
 * they already know far more reliably than a region that appears together with its text.
 */
export function StatusMessage({ message, tone = 'success' }: { message: string | null; tone?: 'success' | 'info' }) {
  return (
    <div role="status" aria-live="polite" className={message ? `status-message status-${tone}` : 'status-message-empty'}>
      {message}
    </div>
  );
}
