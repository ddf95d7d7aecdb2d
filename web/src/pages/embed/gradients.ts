// gradients.ts — the bare embeddable gradients lab (embed/gradients.html): no chrome, reports its height.
import { mountGradients } from '../../widgets/gradients/mount';
import { boot } from '../boot';

void boot('gradients', (b) => mountGradients(b.host, b.client, { embed: true, notices: b.notices }));
