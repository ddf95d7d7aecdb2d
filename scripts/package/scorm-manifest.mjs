// scorm-manifest.mjs — imsmanifest.xml for the SCORM 1.2 package (scripts/package.mjs scorm):
// one organisation, one item per lesson (each a SCO with adlcp:masteryscore), one SCO resource per
// lesson and one shared asset resource listing every other file of the site, so an LMS knows the
// whole package. Follows the IMS Content Packaging 1.1.2 + ADL SCORM 1.2 binding (imscp_rootv1p1p2,
// adlcp_rootv1p2), the form every major LMS imports.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Escapes text for XML content and double-quoted attributes. */
export const xml = (text) => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  .replaceAll('"', '&quot;').replaceAll("'", '&apos;');

/**
 * The lessons of `dir` (lessons/en/NN-slug.md) in course order: slug, title and order from the front
 * matter (a `---` block of `key: value` lines). A lesson without a title or order stops the package.
 */
export function readLessons(dir) {
  const lessons = readdirSync(dir).filter((f) => /^\d+-[a-z0-9-]+\.md$/.test(f)).map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const field = (key) => new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(front)?.[1]?.trim();
    const title = field('title');
    const order = Number(field('order'));
    if (!title || !Number.isInteger(order)) throw new Error(`${join(dir, file)}: front matter needs a title and a whole-number order`);
    return { slug: file.replace(/^\d+-/, '').replace(/\.md$/, ''), title: title.replace(/^["']|["']$/g, ''), order };
  });
  return lessons.sort((a, b) => a.order - b.order);
}

/**
 * `items`: [{ id, title, href }] (href relative to the package root); `files`: every file of the
 * package but the manifest; `mastery`: the score (0–100) at which a lesson counts as passed.
 */
export function scormManifest({ identifier, title, version, items, files, mastery }) {
  const ids = items.map((_, i) => `lesson-${i + 1}`);
  const hrefs = new Set(items.map((i) => i.href.split('?')[0]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${xml(identifier)}" version="${xml(version)}"`,
    '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    '  <organizations default="course">',
    '    <organization identifier="course">',
    `      <title>${xml(title)}</title>`,
    ...items.flatMap((item, i) => [
      `      <item identifier="item-${i + 1}" identifierref="${ids[i]}" isvisible="true">`,
      `        <title>${xml(item.title)}</title>`,
      `        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>`,
      '      </item>',
    ]),
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...items.flatMap((item, i) => [
      `    <resource identifier="${ids[i]}" type="webcontent" adlcp:scormtype="sco" href="${xml(item.href)}">`,
      `      <file href="${xml(item.href.split('?')[0])}"/>`,
      '      <dependency identifierref="site"/>',
      '    </resource>',
    ]),
    '    <resource identifier="site" type="webcontent" adlcp:scormtype="asset">',
    ...files.filter((f) => !hrefs.has(f)).map((f) => `      <file href="${xml(f)}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ];
  return lines.join('\n');
}
