// file-notice.js — a classic script (module scripts and WebAssembly cannot load from file://) that
// every page loads first: opened from a file on disk, the lab cannot start, so it says why and what
// to do instead of showing a page that never loads. Served over http(s) it does nothing.
(function () {
  if (location.protocol !== 'file:') return;
  function show() {
    var box = document.createElement('div');
    box.className = 'file-notice';
    box.setAttribute('role', 'alert');
    // Inline styles: the site's style sheets may not load from file:// either.
    box.style.cssText = 'max-width:44rem;margin:1rem auto;padding:1rem 1.25rem;border:2px solid #b3261e;' +
      'border-radius:8px;background:#fff;color:#1a1a1a;font:16px/1.5 system-ui,sans-serif';
    var h = document.createElement('h2');
    h.textContent = 'This page was opened from a file, so the lab cannot start.';
    var p = document.createElement('p');
    p.textContent = 'Browsers do not run the lab\u2019s engine (WebAssembly in a background thread) from file:// ' +
      'addresses. Serve the folder with any static web server and open it through http:// instead, for example:';
    var code = document.createElement('pre');
    code.style.cssText = 'background:#f3f3f3;padding:0.5rem;overflow:auto';
    code.textContent = 'cd activation-lab\npython3 -m http.server 8000\n# then open http://localhost:8000/';
    var q = document.createElement('p');
    q.textContent = 'Any static host works too (nginx, GitHub Pages, a school\u2019s web space), from any folder. ' +
      'The README in the package says more.';
    box.append(h, p, code, q);
    document.body.prepend(box);
  }
  if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
})();
