// site-frame.ts — a Vite plugin that puts the shared site chrome (partials/header.html, footer.html)
// into every page that asks for it with <!-- site-header --> / <!-- site-footer -->, and marks the
// current page's navigation link with aria-current. Embed pages simply leave the markers out.
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
        const header = read('header').replace(`data-page="${page}"`, `data-page="${page}" aria-current="page"`);
        return html.replace('<!-- site-header -->', header).replace('<!-- site-footer -->', read('footer'));
      },
    },
  };
}
