// exercise.ts — one bare embeddable exercise (embed/exercise.html?id=…): no chrome, reports its height and each check's result.
import { mountExercises } from '../../widgets/exercises/mount';
import { boot } from '../boot';

void boot('exercise', (b) => mountExercises(b.host, b.client, { embed: true, notices: b.notices }));
