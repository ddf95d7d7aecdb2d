// url.ts — binds a widget's state table to the page URL: read once at start, rewritten (replaceState,
// no history spam) whenever the state changes. Frame keys such as `theme` are carried over.
import { FRAME_KEYS, parseState, serialiseState, type Parsed, type StateOf, type Table } from './schema';

/** The state in the current URL's query string. */
export function readUrlState<T extends Table>(table: T, search = location.search): Parsed<T> {
  return parseState(table, search);
}

/** The query string for `state`, keeping the frame keys present in `search`. */
export function queryFor<T extends Table>(table: T, state: StateOf<T>, hidden: ReadonlySet<string>, search = location.search,
  locked: ReadonlySet<string> = new Set()): string {
  const own = serialiseState(table, state, hidden, locked);
  const frame = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search)) if (FRAME_KEYS.has(key) && !frame.has(key)) frame.set(key, value);
  const extra = frame.toString();
  return [own, extra].filter((s) => s !== '').join('&');
}

/** Rewrites the address bar to `state` (and the link's hidden and locked controls) without adding a history entry. */
export function writeUrlState<T extends Table>(table: T, state: StateOf<T>, hidden: ReadonlySet<string>, locked: ReadonlySet<string> = new Set()): void {
  const query = queryFor(table, state, hidden, location.search, locked);
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}
