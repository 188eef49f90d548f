/** The lesson's status line and model picker (src/components/lesson/ModelJobStatus.tsx) for its shared head. */
import { ModelJobStatus } from '../../src/components/lesson/ModelJobStatus.tsx';
import type { LessonHead } from './use-head.ts';

export function Status({ h }: { h: LessonHead }) {
  return <ModelJobStatus job={h} modelId={h.modelId} remote={h.remote} />;
}
