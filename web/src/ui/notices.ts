// notices.ts — shows what the page corrected in the link's settings (clamped, ignored values) as
// plain text in a polite live region. Text only (textContent): URL text is never parsed as HTML.
import { el } from './dom';

export function showNotices(box: HTMLElement, notices: readonly string[]): void {
  box.textContent = '';
  box.hidden = notices.length === 0;
  if (notices.length === 0) return;
  box.append(el('p', undefined, 'Some settings in this link were changed or ignored:'));
  const list = el('ul');
  for (const n of notices.slice(0, 12)) list.append(el('li', undefined, n));
  if (notices.length > 12) list.append(el('li', undefined, `… and ${notices.length - 12} more.`));
  box.append(list);
}
