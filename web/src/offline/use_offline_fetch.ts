// useFetch for screens that must open without a connection: the server's answer when it can be
// reached; when it cannot (a network error, not a refusal), what `device` reads from the
// phone's working set, marked `local`. A refusal or a missing record still shows as an error.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { showError } from '../messages';
import { useFetch, type Fetched } from '../use_fetch';

export function useOfflineFetch<T>(
  path: string | null,
  device: () => Promise<T | null | undefined>,
): Fetched<T> & { local: boolean } {
  const [local, setLocal] = useState(false);
  const f: Fetched<T> = useFetch<T>(path, {
    onData: () => setLocal(false),
    onError: (e) => {
      if (!(e instanceof ApiError) || e.status !== 0) return showError(e);
      device()
        .then((d) => {
          if (d === null || d === undefined) return showError(e);
          f.set(d);
          setLocal(true);
        })
        .catch(() => showError(e));
    },
  });
  return { ...f, local };
}
