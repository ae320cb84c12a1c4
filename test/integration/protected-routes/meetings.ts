import type { Permission } from '../../../src/platform/permissions.ts';

/** The protected routes of this area, with their permission (see authorization-matrix.test.ts). */
export const MEETING_ROUTES: Record<string, Exclude<Permission, 'public'>> = {};
