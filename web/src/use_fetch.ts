// The one way a screen reads from the API: GET `path` when it mounts and again whenever `path`
// changes (after `delay` ms, so typing in a filter sends one request), aborting the request
// that is no longer wanted, and on reload(). Failures go to the message line unless `onError`
// takes them. `path` null: nothing to read yet. With `load`, `path` is only the key of what to
// read (it changes when the answer would) and `load` reads it: several requests, or one helper.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from './api';
import { showError } from './messages';

export interface FetchOptions<T> {
  delay?: number;
  // Forget the last answer as soon as the path changes (a chart must not show another area's
  // figures while the new ones load).
  reset?: boolean;
  // Told of each answer (forms fill their fields from it).
  onData?: (data: T) => void;
  onError?: (error: unknown) => void;
  // Reads the data for `path` instead of one GET of it.
  load?: (path: string, signal: AbortSignal) => Promise<T>;
}

export interface Fetched<T> {
  // The last answer; kept while a new path loads (unless `reset`), so a list does not flash empty.
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  // Replaces the data (a write answered with the new record).
  set: (data: T | null) => void;
}

export function useFetch<T>(path: string | null, opts: FetchOptions<T> = {}): Fetched<T> {
  // The answer with the path it answers, so that with `reset` a render between a change of path
  // and the effect that follows it never shows the previous path's answer.
  const [answer, setAnswer] = useState<{ path: string | null; data: T | null }>({
    path: null,
    data: null,
  });
  const setData = (d: T | null) => setAnswer({ path, data: d });
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [revision, setRevision] = useState(0);
  // The latest callbacks, without making them part of what triggers a new request.
  const callbacks = useRef(opts);
  callbacks.current = opts;

  useEffect(() => {
    if (callbacks.current.reset) {
      setData(null);
      setError(null);
    }
    if (path === null) return;
    const abort = new AbortController();
    setLoading(true);
    const load = callbacks.current.load ?? ((p, signal) => get<T>(p, { signal }));
    const run = () =>
      load(path, abort.signal)
        .then((d) => {
          if (abort.signal.aborted) return;
          setAnswer({ path, data: d });
          setError(null);
          setLoading(false);
          callbacks.current.onData?.(d);
        })
        .catch((e) => {
          if (abort.signal.aborted) return;
          setError(e);
          setLoading(false);
          (callbacks.current.onError ?? showError)(e);
        });
    const timer = opts.delay ? setTimeout(run, opts.delay) : null;
    if (!timer) run();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
    };
  }, [path, revision]);

  const data = opts.reset && answer.path !== path ? null : answer.data;
  return {
    data,
    error,
    loading,
    reload: () => setRevision((r) => r + 1),
    set: setData,
  };
}
