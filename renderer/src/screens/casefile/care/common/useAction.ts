import { useState } from 'react';
import { errorText } from '../../../../i18n/error-text';

/**
 * One action of a list item (withdraw, set done, remove): busy while it runs, then a success
 * message for the live region or the core's message as a failure.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    setFailure(null);
    try {
      await action();
      setMessage(success);
      return true;
    } catch (error) {
      setFailure(errorText(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, failure, run, setMessage };
}
