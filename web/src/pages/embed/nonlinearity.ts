// nonlinearity.ts — the bare embeddable nonlinearity lab (embed/nonlinearity.html): no chrome, reports its height.
import { mountNonlinearity } from '../../widgets/nonlinearity/mount';
import { boot } from '../boot';

void boot('nonlinearity', (b) => mountNonlinearity(b.host, b.client, { embed: true, notices: b.notices }));
