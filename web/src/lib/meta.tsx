import { createContext, useContext, type ReactNode } from 'react';
import { api } from '../api/endpoints';
import type { Meta } from '../api/types';
import { useAsync } from '../hooks/useAsync';

interface MetaValue {
  meta: Meta | undefined;
  error: unknown;
  loading: boolean;
  /** Load again (after a screening or an import changed rules, regions or the period). */
  reload: () => void;
}

const MetaContext = createContext<MetaValue | null>(null);

/** Reference data (rules, regions, grids, statuses, period) for the signed-in user, loaded once per session. */
export function MetaProvider({ userKey, children }: { userKey: string; children: ReactNode }) {
  const { data, error, loading, reload } = useAsync((signal) => api.meta(signal), [userKey]);
  return <MetaContext.Provider value={{ meta: data, error, loading, reload }}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaValue {
  const v = useContext(MetaContext);
  if (!v) throw new Error('useMeta outside MetaProvider');
  return v;
}
