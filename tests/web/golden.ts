// golden.ts — reads tests/golden/activations.golden (written by the native CLI `actlab golden`).
//
// Format: text; lines starting with '#' are comments; data lines are
//   <id> <x> <f> <df>
// where x, f and df are 8-hex-digit float32 bit patterns, computed with default parameters.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const goldenPath = fileURLToPath(new URL('../golden/activations.golden', import.meta.url));

/** One activation's golden rows as raw bit patterns (x[i], f[i], df[i] belong together). */
export interface GoldenRows {
  x: Uint32Array;
  f: Uint32Array;
  df: Uint32Array;
}

function bits(token: string, where: string): number {
  if (!/^[0-9a-fA-F]{8}$/.test(token)) throw new Error(`${where}: '${token}' is not an 8-hex-digit float32 bit pattern`);
  return Number.parseInt(token, 16) >>> 0;
}

/** Parses the golden file; throws with the line number on any malformed line. */
export function readGolden(path = goldenPath): Map<string, GoldenRows> {
  const rows = new Map<string, { x: number[]; f: number[]; df: number[] }>();
  readFileSync(path, 'utf8').split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${path}:${index + 1}`;
    const fields = line.split(/\s+/);
    if (fields.length !== 4) throw new Error(`${where}: expected '<id> <x> <f> <df>', got '${line}'`);
    const [id, x, f, df] = fields as [string, string, string, string];
    let entry = rows.get(id);
    if (entry === undefined) rows.set(id, (entry = { x: [], f: [], df: [] }));
    entry.x.push(bits(x, where));
    entry.f.push(bits(f, where));
    entry.df.push(bits(df, where));
  });
  return new Map([...rows].map(([id, r]) => [id, { x: Uint32Array.from(r.x), f: Uint32Array.from(r.f), df: Uint32Array.from(r.df) }]));
}

/** Bit pattern as "0x3f800000 (1)" for failure messages. */
export function showBits(pattern: number): string {
  const value = new Float32Array(Uint32Array.of(pattern).buffer)[0];
  return `0x${pattern.toString(16).padStart(8, '0')} (${value})`;
}
