// theme.ts — light/dark/system theme: a choice kept in localStorage (site pages) or the URL's
// `theme` key (embeds), applied as <html data-theme>; listeners redraw canvases when it changes.
// An embed follows its link only — light unless the link says dark or auto (the reader's system
// setting) — and never the theme saved on the lab site: a course page must look as its author saw it.
import { initSiteNav } from './site-nav';
export type ThemeChoice = 'auto' | 'light' | 'dark';
const KEY = 'actlab-theme';
const listeners = new Set<() => void>();
const dark = matchMedia('(prefers-color-scheme: dark)');

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'auto';
  } catch { return 'auto'; }
}

/** The theme actually shown. */
export function isDark(): boolean {
  const t = document.documentElement.dataset.theme;
  return t === 'dark' || (t !== 'light' && dark.matches);
}

function apply(choice: ThemeChoice): void {
  if (choice === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  for (const f of listeners) f();
}

/** Calls `f` whenever the shown theme changes (system switch or the user's choice). */
export function onThemeChange(f: () => void): void {
  listeners.add(f);
}

/**
 * Reads the theme choice and wires the header's select, if any. Site pages: the URL's `theme`
 * (light or dark) wins, then storage. Embeds: the URL's `theme` (light, dark, auto), else light.
 */
export function initTheme(embed = false): void {
  const fromUrl = new URLSearchParams(location.search).get('theme');
  const choice: ThemeChoice = embed ? (fromUrl === 'dark' || fromUrl === 'auto' ? fromUrl : 'light')
    : fromUrl === 'light' || fromUrl === 'dark' ? fromUrl : stored();
  apply(choice);
  dark.addEventListener('change', () => { for (const f of listeners) f(); });
  if (!embed) initSiteNav();
  const select = document.querySelector<HTMLSelectElement>('[data-theme-select]');
  if (select === null) return;
  select.value = choice;
  select.addEventListener('change', () => {
    const v = select.value as ThemeChoice;
    try { if (v === 'auto') localStorage.removeItem(KEY); else localStorage.setItem(KEY, v); } catch { /* private mode */ }
    apply(v);
  });
}

/** A theme colour (CSS custom property) as the browser resolves it now. */
export function themeColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
