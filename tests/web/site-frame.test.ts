// site-frame.test.ts — the one HTML head (web/partials/head.html) reaches every page and embed
// through the site-frame plugin, and a page that forgets the marker fails the build by name.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { siteFrame } from '../../web/site-frame';

const web = fileURLToPath(new URL('../../web', import.meta.url));
const plugin = siteFrame(`${web}/partials`);
const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: { filename: string; path: string }) => string };
const run = (html: string, path: string) => hook.handler(html, { filename: `${web}${path}`, path });

const pages = [
  ...readdirSync(web).filter((f) => f.endsWith('.html')).map((f) => `/${f}`),
  ...readdirSync(`${web}/embed`).filter((f) => f.endsWith('.html')).map((f) => `/embed/${f}`),
];

describe('site frame', () => {
  it('gives every page and embed the one CSP, charset, viewport and icon from partials/head.html', () => {
    expect(pages.length).toBeGreaterThan(15);
    for (const page of pages) {
      const out = run(readFileSync(`${web}${page}`, 'utf8'), page);
      expect(out.match(/http-equiv="Content-Security-Policy"/g), page).toHaveLength(1);
      expect(out, page).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(out.indexOf('<meta charset="utf-8">'), page).toBeLessThan(out.indexOf('<title>'));
      expect(out, page).toContain('rel="icon"');
      expect(out, page).not.toContain('<!-- site-');
    }
  });

  it('refuses a page without the head marker, naming the file', () => {
    expect(() => run('<!doctype html><html><head><title>x</title></head><body></body></html>', '/stray.html')).toThrow(
      /stray\.html: the page has no <!-- site-head --> marker/,
    );
  });

  it('marks the current page in the navigation and rewrites links for a page one folder down', () => {
    const home = run('<head><!-- site-head --></head><body><!-- site-header --></body>', '/explorer.html');
    expect(home).toMatch(/data-page="explorer" aria-current="page"/);
    const lesson = run('<head><!-- site-head --></head><body><!-- site-header --></body>', '/lessons/x.html');
    expect(lesson).toContain('href="../explorer.html"');
  });
});
