// register.ts — every page starts the offline cache (web/src/offline/service-worker.ts, built as
// dist/sw.js) and tells the learner what it means:
//   - "Available offline." in the footer once this version of the site is cached;
//   - "A new version of the lab is ready" with a Reload button when a new build has been cached
//     while this page was open (the new worker waits until the learner chooses to reload);
//   - nothing, and no error, where a browser has no service workers, in the dev server, or in an
//     embed whose host page blocks them (third-party storage): the lab then works as before.
// Opened from file://, nothing can start (module scripts and the wasm need http): file-notice.js,
// a classic script every page loads, says so instead.

/** dist/sw.js, from the page's <meta name="actlab-root"> (web/offline-plugin.ts writes it); null without one. */
function workerUrl(): URL | null {
  const root = document.querySelector<HTMLMetaElement>('meta[name="actlab-root"]')?.content;
  return root === undefined ? null : new URL(`${root}sw.js`, document.baseURI);
}

function setStatus(text: string): void {
  const node = document.getElementById('offline-status');
  if (node) node.textContent = text;
}

/** The banner that offers the waiting version; shown once per page. */
function offerUpdate(waiting: ServiceWorker): void {
  if (document.getElementById('update-ready')) return;
  const bar = document.createElement('div');
  bar.id = 'update-ready';
  bar.className = 'update-ready';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of the lab is ready. Your progress and settings are kept.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload to update';
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload());
    waiting.postMessage({ type: 'actlab:activate' });
  });
  bar.append(text, ' ', button);
  document.body.prepend(bar);
}

/** Calls `fn` when `reg` has a new worker that finished installing while an older one controls the page. */
function watchForUpdates(reg: ServiceWorkerRegistration): void {
  const check = (): void => {
    if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
  };
  check();
  reg.addEventListener('updatefound', () => {
    const installing = reg.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') check();
      if (installing.state === 'activated' && !navigator.serviceWorker.controller) setStatus('Available offline.');
    });
  });
}

export async function startOfflineCache(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const worker = workerUrl();
  if (worker === null) return;
  try {
    const reg = await navigator.serviceWorker.register(worker, { scope: new URL('./', worker).href });
    watchForUpdates(reg);
    await navigator.serviceWorker.ready;
    if (reg.active) setStatus('Available offline.');
  } catch {
    // No service worker here (blocked storage, an embed in a strict host): the lab still works online.
  }
}
