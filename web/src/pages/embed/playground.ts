// playground.ts — the bare embeddable training playground (embed/playground.html): no chrome, reports its height.
import { mountPlayground } from '../../widgets/playground/mount';
import { boot } from '../boot';

void boot('playground', (b) => mountPlayground(b.host, b.client, { embed: true, notices: b.notices }));
