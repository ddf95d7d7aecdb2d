// package.mjs — zips the built site (dist/) for self-hosting:
//
//   node scripts/package.mjs site [outDir]   → <outDir>/activation-lab-<version>.zip (default: the repository root)
//
// The zip holds one folder, activation-lab-<version>/, with the site and a README of its own
// (scripts/package/SITE-README.md) that says how to serve it. Zipped with fflate (deflate level 9;
// files already compressed — wasm is not, woff2 is — are stored). Entries are in sorted order with
// a fixed date, so the same dist/ gives the same bytes.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

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

/** Zips `dist` into `out` as activation-lab-<version>/…; returns the file count and the zip's size. */
export function packageSite(dist, out) {
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'sw.js'))) {
    throw new Error(`${dist} is not a built site (no index.html or sw.js): run \`npm run build\` first`);
  }
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
  if (what !== 'site') {
    console.error(`package.mjs: unknown package '${what ?? ''}' (accepted: site)`);
    process.exit(2);
  }
  const out = join(resolve(outDir), `activation-lab-${version}.zip`);
  try {
    const r = packageSite(join(repo, 'dist'), out);
    console.log(`package: ${out} — ${r.files} files in ${r.folder}/, ${(r.bytes / 1024).toFixed(1)} KB`);
  } catch (err) {
    console.error(`package: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
