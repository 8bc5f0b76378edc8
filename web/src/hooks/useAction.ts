import { useCallback, useState } from 'react';

export interface Action {
  busy: boolean;
  /** The last failure, shown next to the action until the next try. */
  error: unknown;
  /** Runs a write; its result, or undefined when it failed (the error is kept). */
  run: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  /** Forgets the last failure (a dialog opened again). */
  clear: () => void;
}

/** One write at a time with its busy flag and its error (the server's refusal, said where the button is). */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
