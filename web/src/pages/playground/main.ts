// main.ts — the training playground page (with site chrome): boots the engine and mounts the widget.
import { mountPlayground } from '../../widgets/playground/mount';
import { boot } from '../boot';

void boot('playground', (b) => mountPlayground(b.host, b.client, { embed: false, notices: b.notices }));
