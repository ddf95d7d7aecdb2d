// main.ts — the gradients lab page (with site chrome): boots the full engine and mounts the lab.
import { mountGradients } from '../../widgets/gradients/mount';
import { boot } from '../boot';

void boot('gradients', (b) => mountGradients(b.host, b.client, { embed: false, notices: b.notices }));
