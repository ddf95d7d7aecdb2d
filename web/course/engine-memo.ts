// engine-memo.ts — one memo per engine module for the course build's deterministic runs (a
// lesson's figures, live numbers and claims read the same race or training run several times).

/** `make()` once per (engine module, key); later calls with the same pair return the stored value. */
export function memoPerEngine<T>(memo: WeakMap<object, Map<string, T>>, engine: object, key: string, make: () => T): T {
  let byKey = memo.get(engine);
  if (byKey === undefined) memo.set(engine, (byKey = new Map<string, T>()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = make();
  byKey.set(key, value);
  return value;
}
