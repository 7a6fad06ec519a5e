import { Notice } from './Notice';
import { StatusMessage } from './StatusMessage';

/**
 * What an action says afterwards: a success in the polite live region (always in the DOM, so it
 * is announced), a failure as an alert next to it.
 */
export function ActionFeedback({ message, failure }: { message: string | null; failure: string | null }) {
  return (
    <>
      <StatusMessage message={message} />
      {failure ? (
        <Notice tone="error" role="alert">
          <p>{failure}</p>
        </Notice>
      ) : null}
    </>
  );
}
