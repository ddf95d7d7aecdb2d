// explorer.ts — the bare embeddable explorer (embed/explorer.html): no chrome, reports its height.
import { mountExplorer } from '../../widgets/explorer/mount';
import { boot } from '../boot';

void boot('explorer', (b) => mountExplorer(b.host, b.client, { embed: true, notices: b.notices }), 'activations');
