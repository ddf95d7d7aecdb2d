// race.ts — the bare embeddable activation race (embed/race.html): no chrome, reports its height.
import { mountRace } from '../../widgets/race/mount';
import { boot } from '../boot';

void boot('race', (b) => mountRace(b.host, b.client, { embed: true, notices: b.notices }));
