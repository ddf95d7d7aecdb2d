// scorm-manifest.test.ts — imsmanifest.xml (scripts/package/scorm-manifest.mjs): one SCO item per
// lesson in order with its mastery score, every other file in the shared asset resource, XML escaped;
// lessons read from their front matter, a lesson without title/order stops the package.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs module without types
import { readLessons, scormManifest } from '../../scripts/package/scorm-manifest.mjs';

describe('imsmanifest.xml', () => {
  const xmlText: string = scormManifest({ identifier: 'activation-lab-0.1.0', title: 'Activation Lab', version: '0.1.0', mastery: 80,
    items: [{ title: 'Why a network needs a bend', href: 'lessons/why-a-bend.html' }, { title: 'Softmax & the <output>', href: 'lessons/softmax.html' }],
    files: ['index.html', 'lessons/why-a-bend.html', 'lessons/softmax.html', 'assets/a b.js'] });
  it('is SCORM 1.2 with one SCO per lesson, in order, each with its mastery score', () => {
    expect(xmlText).toContain('<schemaversion>1.2</schemaversion>');
    expect(xmlText).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    const items = [...xmlText.matchAll(/<item identifier="(item-\d)" identifierref="(lesson-\d)"[^>]*>\s*<title>([^<]*)<\/title>\s*<adlcp:masteryscore>(\d+)</g)];
    expect(items.map((m) => [m[1], m[2], m[3], m[4]])).toEqual([
      ['item-1', 'lesson-1', 'Why a network needs a bend', '80'], ['item-2', 'lesson-2', 'Softmax &amp; the &lt;output&gt;', '80']]);
    expect(xmlText).toMatch(/<resource identifier="lesson-2" type="webcontent" adlcp:scormtype="sco" href="lessons\/softmax.html">/);
  });
  it('lists the other files once in the shared asset resource', () => {
    const site = /<resource identifier="site"[^>]*>([\s\S]*?)<\/resource>/.exec(xmlText)![1]!;
    expect([...site.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(['index.html', 'assets/a b.js']);
    expect(xmlText.match(/<manifest /g)).toHaveLength(1);
    expect(xmlText.trim().endsWith('</manifest>')).toBe(true);
  });
});

describe('reading the lessons', () => {
  it('takes slug, title and order from each lesson file, sorted by order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    try {
      writeFileSync(join(dir, '02-b-lesson.md'), '---\ntitle: "Second"\norder: 2\nminutes: 20\n---\ntext');
      writeFileSync(join(dir, '01-a-lesson.md'), '---\ntitle: First\norder: 1\n---\ntext');
      writeFileSync(join(dir, 'glossary.md'), 'not a lesson');
      expect(readLessons(dir)).toEqual([{ slug: 'a-lesson', title: 'First', order: 1 }, { slug: 'b-lesson', title: 'Second', order: 2 }]);
      writeFileSync(join(dir, '03-c.md'), '---\ntitle: Third\n---\n');
      expect(() => readLessons(dir)).toThrow(/03-c\.md: front matter needs a title and a whole-number order/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
