// latest-only.ts — a widget's "ask the engine again" loop: one pass at a time, and calls made while
// a pass runs fold into one more pass after it, so the latest state is always the one drawn last.

/**
 * Returns a function that runs `pass`, one at a time. Called while a pass runs, it only asks for one
 * more pass after that one (any number of such calls ask for one) and returns at once. `stale()` tells
 * a running pass whether such a call came in meanwhile (it may then skip drawing its old answer). A
 * pass that throws ends the loop: the error goes to `failed`.
 */
export function latestOnly(pass: (stale: () => boolean) => Promise<void>, failed: (err: unknown) => void): () => Promise<void> {
  let busy = false, again = false;
  const stale = () => again;
  return async () => {
    if (busy) { again = true; return; }
    busy = true;
    try {
      do {
        again = false;
        await pass(stale);
      } while (again);
    } catch (err) {
      failed(err);
    } finally { busy = false; }
  };
}
