// embed-code.ts — the embed code: iframe HTML for a widget's state, plus the embed.js line that
// lets the iframe size itself (docs/embedding.md), and the embed page's own "Copy embed code"
// button. The code is also shown in a read-only text box, so it can be copied by hand when the
// clipboard is not available. The site pages' sharing lives in share-panel.ts.
import { el } from './dom.ts'; // with its extension: web/oembed-plugin.ts imports this file into the Vite config

/** Escapes text for an HTML attribute value in double quotes. */
export function attr(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The embed page's URL for `widget` with `query` (no "?"), resolved against `base` (the site's root URL). */
export function embedUrl(widget: string, query: string, base: string): string {
  return new URL(`embed/${widget}.html${query ? `?${query}` : ''}`, base).href;
}

/**
 * The snippet for `widget` with `query` (no "?"), resolved against `base`. With `fit` (the default)
 * it adds embed.js, which sizes the iframe to its content (`height` is then only the first guess);
 * without it the iframe keeps exactly `height` pixels and scrolls inside.
 */
export function embedSnippet(widget: string, title: string, query: string, base: string, height = 640, fit = true): string {
  const frame = `<iframe src="${attr(embedUrl(widget, query, base))}" title="${attr(title)}" style="width:100%;border:0" height="${height}" loading="lazy"></iframe>`;
  return fit ? `${frame}\n<script src="${attr(new URL('embed.js', base).href)}" async></script>` : frame;
}

/** The site root: the folder of the current page (pages sit at the root, embeds one level down). */
export function siteBase(embed: boolean): string {
  return new URL(embed ? '../' : './', location.href).href;
}

export function createEmbedButton(getSnippet: () => string): HTMLDivElement {
  const root = el('div', 'embed-share');
  const button = el('button', undefined, 'Copy embed code');
  button.type = 'button';
  const status = el('span', 'hint');
  status.setAttribute('role', 'status');
  const box = el('textarea', 'embed-code');
  box.readOnly = true;
  box.hidden = true;
  box.setAttribute('aria-label', 'Embed code');
  button.addEventListener('click', async () => {
    box.value = getSnippet();
    box.hidden = false;
    box.select();
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = ' Copied to the clipboard.';
    } catch {
      status.textContent = ' Select the code below and copy it (Ctrl+C).';
    }
  });
  root.append(button, status, box);
  return root;
}
