// main.ts — the softmax lab page (with site chrome): boots the full engine and mounts the lab.
import { mountSoftmax } from '../../widgets/softmax/mount';
import { boot } from '../boot';

void boot('softmax', (b) => mountSoftmax(b.host, b.client, { embed: false, notices: b.notices }));
