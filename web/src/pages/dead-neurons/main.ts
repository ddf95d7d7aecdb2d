// main.ts — the dying-ReLU lab page (with site chrome): boots the full engine and mounts the lab.
import { mountDeadNeurons } from '../../widgets/dead-neurons/mount';
import { boot } from '../boot';

void boot('dead-neurons', (b) => mountDeadNeurons(b.host, b.client, { embed: false, notices: b.notices }));
