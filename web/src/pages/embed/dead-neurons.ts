// dead-neurons.ts — the bare embeddable dying-ReLU lab (embed/dead-neurons.html): no chrome, reports its height.
import { mountDeadNeurons } from '../../widgets/dead-neurons/mount';
import { boot } from '../boot';

void boot('dead-neurons', (b) => mountDeadNeurons(b.host, b.client, { embed: true, notices: b.notices }));
