// format.ts — numbers as people read them: a few significant digits, a real minus sign.

/** `v` with `digits` significant digits, "−" for minus, "∞" for infinities, "NaN" kept visible. */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0'; // also −0: the sign of zero is noise in a label
  const a = Math.abs(v);
  const text = a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
  return text.replaceAll('-', '−');
}
