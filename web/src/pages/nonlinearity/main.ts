// main.ts — the nonlinearity lab page (with site chrome): boots the full engine and mounts the lab.
import { mountNonlinearity } from '../../widgets/nonlinearity/mount';
import { boot } from '../boot';

void boot('nonlinearity', (b) => mountNonlinearity(b.host, b.client, { embed: false, notices: b.notices }));
