/**
 * The public surface of the decisions module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export type { UploadedFile } from './decision.pages.tsx';
export { statusHistories, statusHistory } from './history.service.ts';
export type { StatusChange } from './history.service.ts';
export { problemErrors } from './proposal.pages.tsx';
export { RotationWarning } from './views/public-parts.tsx';
export { CityTimeline } from './views/public-timeline.tsx';
export { FileField, RadioGroup, TextArea, translateProblem } from './views/workspace-fields.tsx';
