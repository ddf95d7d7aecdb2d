// main.ts — the art studio page (with site chrome): boots the engine and mounts the art widget.
import { mountArt } from '../../widgets/art/mount';
import { boot } from '../boot';

void boot('art', (b) => mountArt(b.host, b.client, { embed: false, notices: b.notices }));
