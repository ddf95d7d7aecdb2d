// package.mjs — zips the built site (dist/):
//
//   node scripts/package.mjs site [outDir]    → <outDir>/activation-lab-<version>.zip, to self-host
//   node scripts/package.mjs scorm [outDir]   → <outDir>/activation-lab-<version>-scorm12.zip, for an LMS
//   (outDir defaults to the repository root)
//
// SCORM: the site at the zip's root with imsmanifest.xml (scripts/package/scorm-manifest.mjs): one
// SCO per lesson of lessons/en/, in course order, mastery score 80. Nothing is fetched from elsewhere.
//
// The zip holds one folder, activation-lab-<version>/, with the site and a README of its own
// (scripts/package/SITE-README.md) that says how to serve it. Zipped with fflate (deflate level 9;
// files already compressed — wasm is not, woff2 is — are stored). Entries are in sorted order with
// a fixed date, so the same dist/ gives the same bytes.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { readLessons, scormManifest } from './package/scorm-manifest.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
const fixedDate = new Date('2026-01-01T00:00:00Z');

/** Every file under `dir`, as '/'-separated paths relative to it, sorted. */
function walk(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path).split(sep).join('/')];
  });
}

function checkBuilt(dist) {
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'sw.js'))) {
    throw new Error(`${dist} is not a built site (no index.html or sw.js): run \`npm run build\` first`);
  }
}

/** The lessons' pass mark in the LMS (adlcp:masteryscore): 80 of 100 from the lesson's exercises. */
export const MASTERY = 80;

/** Zips `dist` with imsmanifest.xml at the root into `out`; returns the lesson count and the zip's size. */
export function packageScorm(dist, out, lessonsDir = join(repo, 'lessons/en')) {
  checkBuilt(dist);
  const lessons = existsSync(lessonsDir) ? readLessons(lessonsDir) : [];
  if (lessons.length === 0) throw new Error(`no lessons in ${lessonsDir}: the SCORM package is one SCO per lesson`);
  const files = walk(dist);
  const items = lessons.map((l) => ({ title: l.title, href: `lessons/${l.slug}.html` }));
  for (const item of items) {
    if (!files.includes(item.href)) throw new Error(`${item.href} is not in ${dist}: build the site first (npm run build)`);
  }
  const manifest = scormManifest({ identifier: `activation-lab-${version}`, title: 'Activation Lab', version, items, files, mastery: MASTERY });
  const entries = { 'imsmanifest.xml': [new TextEncoder().encode(manifest), { level: 9, mtime: fixedDate }] };
  for (const file of files) {
    entries[file] = [readFileSync(join(dist, file)), { level: /\.(?:woff2?|png)$/.test(file) ? 0 : 9, mtime: fixedDate }];
  }
  const zip = zipSync(entries);
  writeFileSync(out, zip);
  return { lessons: items.length, files: files.length + 1, bytes: zip.length };
}

/** Zips `dist` into `out` as activation-lab-<version>/…; returns the file count and the zip's size. */
export function packageSite(dist, out) {
  checkBuilt(dist);
  const folder = `activation-lab-${version}`;
  const entries = {};
  for (const file of walk(dist)) {
    const level = /\.(?:woff2?|png)$/.test(file) ? 0 : 9;
    entries[`${folder}/${file}`] = [readFileSync(join(dist, file)), { level, mtime: fixedDate }];
  }
  const readme = readFileSync(join(repo, 'scripts/package/SITE-README.md'), 'utf8').replaceAll('{{version}}', version);
  entries[`${folder}/README.md`] = [new TextEncoder().encode(readme), { level: 9, mtime: fixedDate }];
  const zip = zipSync(entries);
  writeFileSync(out, zip);
  return { files: Object.keys(entries).length, bytes: zip.length, folder };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [what, outDir = repo] = process.argv.slice(2);
  if (what !== 'site' && what !== 'scorm') {
    console.error(`package.mjs: unknown package '${what ?? ''}' (accepted: site, scorm)`);
    process.exit(2);
  }
  try {
    if (what === 'site') {
      const out = join(resolve(outDir), `activation-lab-${version}.zip`);
      const r = packageSite(join(repo, 'dist'), out);
      console.log(`package: ${out} — ${r.files} files in ${r.folder}/, ${(r.bytes / 1024).toFixed(1)} KB`);
    } else {
      const out = join(resolve(outDir), `activation-lab-${version}-scorm12.zip`);
      const r = packageScorm(join(repo, 'dist'), out);
      console.log(`package: ${out} — SCORM 1.2, ${r.lessons} lessons as SCOs, ${r.files} files, ${(r.bytes / 1024).toFixed(1)} KB`);
    }
  } catch (err) {
    console.error(`package: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
