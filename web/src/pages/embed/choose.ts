// choose.ts — the bare embeddable chooser (embed/choose.html): no chrome, reports its height.
import { mountChoose } from '../../widgets/choose/mount';
import { boot } from '../boot';

void boot('choose', (b) => mountChoose(b.host, b.client, { embed: true, notices: b.notices }));
