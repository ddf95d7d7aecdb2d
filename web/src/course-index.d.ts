// The lessons' index, generated at build time from lessons/en/*.md (web/course/plugin.ts).
declare module 'virtual:course-index' {
  const index: readonly {
    slug: string; title: string; summary: string; order: number; minutes: number;
    sections: readonly { id: string; text: string }[];
  }[];
  export default index;
}
