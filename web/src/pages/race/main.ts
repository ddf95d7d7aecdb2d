// main.ts — the activation race page (with site chrome): boots the full engine and mounts the race.
import { mountRace } from '../../widgets/race/mount';
import { boot } from '../boot';

void boot('race', (b) => mountRace(b.host, b.client, { embed: false, notices: b.notices }));
