// main.ts — the chooser page (with site chrome): boots the engine (for the activation names) and mounts the chooser.
import { mountChoose } from '../../widgets/choose/mount';
import { boot } from '../boot';

void boot('choose', (b) => mountChoose(b.host, b.client, { embed: false, notices: b.notices }));
