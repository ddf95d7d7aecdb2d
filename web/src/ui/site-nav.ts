// site-nav.ts — the site header's navigation. The HTML (web/partials/header.html) lists every page
// in three labelled groups, readable and usable without JavaScript. This script makes it compact:
//   - wider than 40rem: each group's label becomes a button that opens its links as a small menu
//     below it (aria-expanded; one open at a time; Escape or a click elsewhere closes it and Escape
//     returns focus to the button); the group holding the current page is marked;
//   - phones (≤ 40rem): one "Menu" button folds all groups and the theme choice below the bar.
const phone = window.matchMedia('(max-width: 40rem)');

export function initSiteNav(): void {
  const menu = document.querySelector<HTMLButtonElement>('.nav-toggle');
  const nav = document.getElementById('site-nav');
  if (menu === null || nav === null) return;
  nav.classList.add('nav-js');

  // Group buttons (the wide layout).
  const groups: { li: HTMLElement; button: HTMLButtonElement }[] = [];
  for (const li of nav.querySelectorAll<HTMLElement>('.nav-group')) {
    const label = li.querySelector<HTMLElement>('.nav-group-label');
    const list = li.querySelector<HTMLUListElement>('ul');
    if (label === null || list === null) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'nav-group-button';
    button.textContent = label.textContent;
    button.id = label.id;
    list.id ||= `${label.id}-list`;
    button.setAttribute('aria-controls', list.id);
    button.setAttribute('aria-expanded', 'false');
    if (list.querySelector('[aria-current="page"]')) li.classList.add('has-current');
    label.replaceWith(button);
    groups.push({ li, button });
  }
  const openGroup = (which: HTMLElement | null): void => {
    for (const g of groups) {
      const open = g.li === which;
      g.li.classList.toggle('open', open);
      g.button.setAttribute('aria-expanded', String(open));
    }
  };
  for (const g of groups) {
    g.button.addEventListener('click', () => openGroup(g.li.classList.contains('open') ? null : g.li));
  }
  document.addEventListener('click', (e) => {
    if (!nav.contains(e.target as Node)) openGroup(null);
  });
  nav.addEventListener('focusout', (e) => {
    if (!phone.matches && !nav.contains(e.relatedTarget as Node | null)) openGroup(null);
  });

  // The phone menu.
  const setMenu = (open: boolean): void => {
    menu.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('nav-closed', !open);
  };
  const fit = (): void => {
    menu.hidden = !phone.matches;
    setMenu(!phone.matches);
    openGroup(null);
  };
  menu.addEventListener('click', () => setMenu(menu.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const open = groups.find((g) => g.li.classList.contains('open'));
    if (open && !phone.matches) { openGroup(null); open.button.focus(); return; }
    if (phone.matches && menu.getAttribute('aria-expanded') === 'true') { setMenu(false); menu.focus(); }
  });
  phone.addEventListener('change', fit);
  fit();
}
