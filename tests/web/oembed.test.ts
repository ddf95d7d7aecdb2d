// oembed.test.ts — SITE_URL checking and the oEmbed entries (web/oembed-plugin.ts): discovery link on
// widget pages only, one rich JSON per widget with the share panel's embed code, nothing without SITE_URL.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oembed, siteUrl } from '../../web/oembed-plugin';

const web = fileURLToPath(new URL('../../web', import.meta.url));

describe('SITE_URL', () => {
  it('accepts an absolute http(s) folder and adds the final slash', () => {
    expect(siteUrl('https://lab.example.org/course')).toBe('https://lab.example.org/course/');
    expect(siteUrl('http://localhost:8000/')).toBe('http://localhost:8000/');
    expect(siteUrl(undefined)).toBeNull();
    expect(siteUrl('')).toBeNull();
  });
  it('refuses what oEmbed cannot use, saying what to write', () => {
    expect(() => siteUrl('lab.example.org')).toThrow(/not an absolute URL .*https:\/\/lab\.example\.org\/course\//);
    expect(() => siteUrl('ftp://lab.example.org/')).toThrow(/must start with https:\/\/ or http:\/\//);
    expect(() => siteUrl('https://lab.example.org/?x=1')).toThrow(/without \? or #/);
  });
});

type Hook = (this: unknown, ...args: unknown[]) => unknown;

describe('oEmbed plugin', () => {
  const run = (site: string | null) => {
    const plugin = oembed(['explorer', 'softmax'], web, site);
    const emitted: { fileName: string; source: string }[] = [];
    (plugin.generateBundle as Hook).call({ emitFile: (f: { fileName: string; source: string }) => emitted.push(f) });
    const tags = (page: string) => (plugin.transformIndexHtml as Hook)('', { path: `/${page}.html` }) as { attrs: Record<string, string> }[];
    return { emitted, tags };
  };
  it('writes one rich entry per widget with the iframe and embed.js at SITE_URL', () => {
    const { emitted, tags } = run('https://lab.example.org/course/');
    expect(emitted.map((e) => e.fileName)).toEqual(['oembed/explorer.json', 'oembed/softmax.json']);
    const json = JSON.parse(emitted[1]!.source);
    expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Activation Lab', title: 'Softmax — Activation Lab' });
    expect(json.html).toContain('<iframe src="https://lab.example.org/course/embed/softmax.html" title="Softmax — Activation Lab"');
    expect(json.html).toContain('<script src="https://lab.example.org/course/embed.js" async></script>');
    expect(tags('softmax')[0]!.attrs).toMatchObject({ rel: 'alternate', type: 'application/json+oembed',
      href: 'https://lab.example.org/course/oembed/softmax.json' });
    expect(tags('index')).toEqual([]);
    expect(tags('embed/softmax')).toEqual([]);
  });
  it('adds nothing without SITE_URL', () => {
    const { emitted, tags } = run(null);
    expect(emitted).toEqual([]);
    expect(tags('softmax')).toEqual([]);
  });
});
