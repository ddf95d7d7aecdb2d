// site-frame.ts — a Vite plugin that puts the shared site chrome into every page that asks for it:
// <!-- site-head --> becomes partials/head.html (charset, viewport, the one Content-Security-Policy,
// colour scheme, icon) in every page and embed; <!-- site-header --> / <!-- site-footer --> become
// the header and footer, with the current page's navigation link marked aria-current. Embed pages
// leave the header and footer markers out. A page without <!-- site-head --> fails the build.
// Pages in a sub-folder (the lessons, web/lessons/) get the links one level up.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin } from 'vite';

export function siteFrame(partials: string): Plugin {
  const read = (name: string) => readFileSync(`${partials}/${name}.html`, 'utf8').trim();
  return {
    name: 'actlab-site-frame',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const page = basename(ctx.filename, '.html');
        if (!html.includes('<!-- site-head -->')) {
          throw new Error(`${ctx.filename}: the page has no <!-- site-head --> marker (partials/head.html: charset, CSP, icon)`);
        }
        // A page in a sub-folder (lessons/…) reaches the site's pages one level up.
        const up = '../'.repeat(Math.max(0, ctx.path.split('/').length - 2));
        const fix = (part: string) => (up === '' ? part : part.replaceAll('href="./', `href="${up}`));
        const header = fix(read('header')).replace(`data-page="${page}"`, `data-page="${page}" aria-current="page"`);
        return html
          .replace('<!-- site-head -->', read('head'))
          .replace('<!-- site-header -->', header).replace('<!-- site-footer -->', fix(read('footer')));
      },
    },
  };
}
