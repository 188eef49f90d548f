/** Jobs of lessons 3 and 4 on a text model loaded in the worker. */
export const LESSON_TEXT_JOBS = {};
