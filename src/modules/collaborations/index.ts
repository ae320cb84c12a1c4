/**
 * The public surface of the collaborations module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export { publicCollaborationChanges, publicCollaborationsOfCity } from './collaboration.service.ts';
export type { CollaborationChange } from './collaboration.service.ts';
export { CityCollaborations } from './views/city-collaborations.tsx';
export type { CityCollaboration } from './views/city-collaborations.tsx';
