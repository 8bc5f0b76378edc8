import { useMemo } from 'react';
import type { Page } from '../api/types';
import { useAsync, type AsyncState } from '../hooks/useAsync';
import { useSearchParams } from './router';

/**
 * A page's filter, kept in the URL so that links, reloads and the back button keep it: what the query string says
 * (`search`, the string itself, to key loads on), and `go` to a new filter.
 */
export function useUrlFilter<F>(
  parse: (sp: URLSearchParams) => F,
  write: (f: F) => URLSearchParams,
): { filter: F; search: string; go: (f: F) => void } {
  const [sp, setSp] = useSearchParams();
  const search = sp.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filter = useMemo(() => parse(new URLSearchParams(search)), [search]);
  return { filter, search, go: (f: F) => setSp(write(f)) };
}

/** A ledger page: its filter in the URL, the page of rows it finds, and both as a LedgerTable's `paging`. */
export function useUrlLedger<F, R>(
  parse: (sp: URLSearchParams) => F,
  write: (f: F) => URLSearchParams,
  load: (f: F, signal: AbortSignal) => Promise<Page<R>>,
): {
  filter: F;
  go: (f: F) => void;
  list: AsyncState<Page<R>>;
  paging: { filter: F; data: Page<R> | undefined; loading: boolean; onChange: (f: F) => void };
} {
  const { filter, search, go } = useUrlFilter(parse, write);
  const list = useAsync((signal) => load(filter, signal), [search]);
  return { filter, go, list, paging: { filter, data: list.data, loading: list.loading, onChange: go } };
}
