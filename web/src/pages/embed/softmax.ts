// softmax.ts — the bare embeddable softmax lab (embed/softmax.html): no chrome, reports its height.
import { mountSoftmax } from '../../widgets/softmax/mount';
import { boot } from '../boot';

void boot('softmax', (b) => mountSoftmax(b.host, b.client, { embed: true, notices: b.notices }));
