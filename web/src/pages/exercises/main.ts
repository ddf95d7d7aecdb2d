// main.ts — the exercises page (with site chrome): boots the full engine and mounts the ten exercises and the sandbox.
import { mountExercises } from '../../widgets/exercises/mount';
import { boot } from '../boot';

void boot('exercise', (b) => mountExercises(b.host, b.client, { embed: false, notices: b.notices }));
