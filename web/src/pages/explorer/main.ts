// main.ts — the explorer page (with site chrome): boots the engine and mounts the explorer widget.
import { mountExplorer } from '../../widgets/explorer/mount';
import { boot } from '../boot';

void boot('explorer', (b) => mountExplorer(b.host, b.client, { embed: false, notices: b.notices }), 'activations');
