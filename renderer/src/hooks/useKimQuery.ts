import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../api';

export type QueryState<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'success'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: unknown };

/**
 * Loads one channel's answer for a screen. The result lives in the component, not in a global
 * cache: when the profile locks, the unlocked UI unmounts and every loaded record goes with it.
 * The previous data stays visible while a new query loads, so lists do not flicker while typing.
 */
export function useKimQuery<C extends ChannelName>(channel: C, input: ChannelInput<C>, enabled = true) {
  const key = JSON.stringify(input);
  const [state, setState] = useState<QueryState<ChannelOutput<C>>>({ status: 'loading', data: undefined, error: undefined });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data, error: undefined }));
    call(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => current && setState({ status: 'success', data, error: undefined }),
      (error: unknown) => current && setState((previous) => ({ status: 'error', data: previous.data, error })),
    );
    return () => {
      // A late answer to an outdated query (the person typed on) must not overwrite a newer one.
      current = false;
    };
  }, [channel, key, generation, enabled]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
