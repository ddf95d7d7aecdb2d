// oembed-plugin.ts — with SITE_URL set (`SITE_URL=https://lab.example.org/course/ npm run build`),
// each widget page carries oEmbed discovery and the build writes a static oembed/<widget>.json, so a
// link pasted into a platform that honours discovery (WordPress, many course tools) embeds the widget.
//
// The JSON (oEmbed 1.0, https://oembed.com): type "rich", the same iframe + embed.js code as the
// share panel's "Copy embed code" (web/src/ui/embed-code.ts), for the widget's default state. The
// discovery link names the static file, so any static host serves it. Without SITE_URL nothing is
// added: a relative build cannot know the absolute address oEmbed needs.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { embedSnippet } from './src/ui/embed-code.ts';

/** SITE_URL as an absolute http(s) folder URL, or null when unset; anything else stops the build. */
export function siteUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL "${value}" is not an absolute URL (write it like https://lab.example.org/course/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL "${value}" must start with https:// or http://`);
  if (url.search !== '' || url.hash !== '') throw new Error(`SITE_URL "${value}" must be a folder address without ? or #`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The embed page's own <title> without its "(embed)" mark: what the iframe is called. */
function titleOf(file: string): string {
  const m = /<title>([^<]+)<\/title>/.exec(readFileSync(file, 'utf8'));
  if (m === null) throw new Error(`${file}: no <title> for the oEmbed entry`);
  return m[1]!.replace(/\s*\(embed\)\s*$/, '').trim();
}

/** `widgets`: the names with an embed page (web/embed/<name>.html); `root`: web/. */
export function oembed(widgets: string[], root: string, site: string | null): Plugin {
  const height = 900; // the first guess only: embed.js fits the iframe to its content
  return {
    name: 'actlab-oembed',
    apply: 'build',
    transformIndexHtml(_html, ctx) {
      const page = ctx.path.replace(/^\//, '').replace(/\.html$/, '');
      if (site === null || !widgets.includes(page)) return [];
      return [{ tag: 'link', injectTo: 'head', attrs: { rel: 'alternate', type: 'application/json+oembed',
        href: new URL(`oembed/${page}.json`, site).href, title: titleOf(`${root}/embed/${page}.html`) } }];
    },
    generateBundle() {
      if (site === null) return;
      for (const widget of widgets) {
        const title = titleOf(`${root}/embed/${widget}.html`);
        const json = { version: '1.0', type: 'rich', provider_name: 'Activation Lab', provider_url: site, title,
          html: embedSnippet(widget, title, '', site, height), width: 720, height };
        this.emitFile({ type: 'asset', fileName: `oembed/${widget}.json`, source: `${JSON.stringify(json, null, 2)}\n` });
      }
    },
  };
}
