// plugin.ts — the course in the Vite build: builds the lesson pages before Vite reads its inputs
// (course/build.ts; a problem stops the build with file:line) and serves `virtual:course-index`,
// the lessons' titles, summaries, minutes and sections for the home page's course map and the
// lesson runtime. In the dev server a changed lesson is rebuilt and the page reloads.
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { buildCourse, lessonIndex, loadEngines, writeCoursePages, type LessonIndexEntry } from './build.ts';

export const COURSE_INDEX_ID = 'virtual:course-index';
const resolved = `\0${COURSE_INDEX_ID}`;

export interface CourseBuild { pages: string[]; index: LessonIndexEntry[] }

export interface CourseOptions {
  /** Repository root. */
  root: string;
  /** The web root (web/): pages are written to web/lessons/. */
  webRoot: string;
  /** The engine's Node module (build/wasm/actlab_node.js). */
  modulePath: string;
  /** Other site pages lessons may link to, e.g. "index.html". */
  sitePages: ReadonlySet<string>;
}

/** Builds and writes the course; returns the page names relative to web/ ("lessons/why-a-bend"). */
export async function buildCoursePages(o: CourseOptions): Promise<CourseBuild> {
  const engines = await loadEngines(o.modulePath, join(o.root, 'public/data/digits8x8.bin'));
  const course = buildCourse({ dir: join(o.root, 'lessons/en'), root: o.root, engines, sitePages: o.sitePages });
  const names = writeCoursePages(course, join(o.webRoot, 'lessons'));
  return { pages: names.map((n) => `lessons/${n}`), index: lessonIndex(course) };
}

export function coursePlugin(o: CourseOptions, first: CourseBuild): Plugin {
  let index = first.index;
  return {
    name: 'actlab-course',
    resolveId: (id) => (id === COURSE_INDEX_ID ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(index)};\n` : undefined),
    configureServer(server) {
      server.watcher.add(join(o.root, 'lessons'));
      server.watcher.on('change', (file) => {
        if (!file.endsWith('.md') || !file.includes('/lessons/')) return;
        buildCoursePages(o).then((b) => {
          index = b.index;
          const mod = server.moduleGraph.getModuleById(resolved);
          if (mod) server.moduleGraph.invalidateModule(mod);
          server.ws.send({ type: 'full-reload' });
        }, (err: unknown) => server.config.logger.error(err instanceof Error ? err.message : String(err)));
      });
    },
  };
}
