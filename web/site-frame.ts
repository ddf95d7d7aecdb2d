// site-frame.ts — a Vite plugin that puts the shared site chrome (partials/header.html, footer.html)
// into every page that asks for it with <!-- site-header --> / <!-- site-footer -->, and marks the
// current page's navigation link with aria-current. Embed pages simply leave the markers out.
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
        // A page in a sub-folder (lessons/…) reaches the site's pages one level up.
        const up = '../'.repeat(Math.max(0, ctx.path.split('/').length - 2));
        const fix = (part: string) => (up === '' ? part : part.replaceAll('href="./', `href="${up}`));
        const header = fix(read('header')).replace(`data-page="${page}"`, `data-page="${page}" aria-current="page"`);
        return html.replace('<!-- site-header -->', header).replace('<!-- site-footer -->', fix(read('footer')));
      },
    },
  };
}
