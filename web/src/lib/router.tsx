/**
 * A tiny router on the History API: the location in React state, push/replace navigation, links that
 * stay in the page, and path patterns with :params. The server answers index.html for every non-/api path.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
}

export interface NavigateOptions {
  replace?: boolean;
}
export type Navigate = (to: string, options?: NavigateOptions) => void;

interface RouterValue {
  location: Location;
  navigate: Navigate;
}

const RouterContext = createContext<RouterValue | null>(null);

function current(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);

  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback<Navigate>((to, options) => {
    const url = new URL(to, window.location.href);
    const next = `${url.pathname}${url.search}${url.hash}`;
    const now = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    const idx = historyIndex();
    if (options?.replace || next === now) window.history.replaceState({ idx }, '', next);
    else window.history.pushState({ idx: idx + 1 }, '', next);
    setLocation({ pathname: url.pathname, search: url.search });
    if (!options?.replace && next !== now) window.scrollTo(0, 0);
  }, []);

  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

/** How many in-app navigations lie behind the current entry (0 on the first page loaded). */
function historyIndex(): number {
  const st: unknown = window.history.state;
  return typeof st === 'object' && st !== null && 'idx' in st && typeof st.idx === 'number' ? st.idx : 0;
}

/** Whether "back" stays inside the workbench. */
export function canGoBack(): boolean {
  return historyIndex() > 0;
}

function useRouter(): RouterValue {
  const v = useContext(RouterContext);
  if (!v) throw new Error('router hooks outside RouterProvider');
  return v;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): Navigate {
  return useRouter().navigate;
}

/** The query string as URLSearchParams, and a setter that keeps the path (push by default, replace on request). */
export function useSearchParams(): [URLSearchParams, (next: URLSearchParams | Record<string, string>, options?: NavigateOptions) => void] {
  const { location, navigate } = useRouter();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = useCallback(
    (next: URLSearchParams | Record<string, string>, options?: NavigateOptions) => {
      const sp = next instanceof URLSearchParams ? next : new URLSearchParams(next);
      const s = sp.toString();
      navigate(`${location.pathname}${s ? `?${s}` : ''}`, options);
    },
    [location.pathname, navigate],
  );
  return [params, set];
}

/** Matches "/findings/:id" against a path; the decoded params, or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const pp = pattern.split('/').filter(Boolean);
  const sp = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (pp.length !== sp.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pp.length; i++) {
    const p = pp[i] as string;
    const s = sp[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(s);
      } catch {
        return null;
      }
    } else if (p !== s) {
      return null;
    }
  }
  return params;
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; replace?: boolean };

/** An <a href> that navigates inside the page on a plain left click (new tab, download etc. left to the browser). */
export function Link({ to, replace, onClick, target, children, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || (target && target !== '_self')) return;
    e.preventDefault();
    navigate(to, { replace });
  };
  return (
    <a href={to} onClick={handle} target={target} {...rest}>
      {children}
    </a>
  );
}
