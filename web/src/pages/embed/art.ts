// art.ts — the bare embeddable art studio (embed/art.html): no chrome, reports its height.
import { mountArt } from '../../widgets/art/mount';
import { boot } from '../boot';

void boot('art', (b) => mountArt(b.host, b.client, { embed: true, notices: b.notices }));
