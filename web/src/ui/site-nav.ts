// site-nav.ts — the site header's navigation on phones: below 40rem the grouped links fold behind a
// "Menu" button (aria-expanded, Escape closes it and returns focus); wider, the button stays hidden
// and every link shows. Without JavaScript the links simply show (the button is `hidden` in the HTML).
const phone = window.matchMedia('(max-width: 40rem)');

export function initSiteNav(): void {
  const button = document.querySelector<HTMLButtonElement>('.nav-toggle');
  const nav = document.getElementById('site-nav');
  if (button === null || nav === null) return;
  const set = (open: boolean): void => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('nav-closed', !open);
  };
  const fit = (): void => {
    button.hidden = !phone.matches;
    set(!phone.matches);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && phone.matches && button.getAttribute('aria-expanded') === 'true') { set(false); button.focus(); }
  });
  phone.addEventListener('change', fit);
  fit();
}
