/**
 * The public surface of the accounts module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export { inviteForm, rolesForm, securityForm } from './account.schema.ts';
export {
  getUser,
  listUsers,
  normaliseEmail,
  setUserActive,
  updateUserRoles,
} from './account.service.ts';
export type { User } from './account.service.ts';
export { getMfaRequiredRoles, resetMfa, setMfaRequiredRoles } from './mfa.service.ts';
export { inviteUserByForm } from './reset.service.ts';
export { ROLES } from './roles.ts';
export type { Role, RoleGrant } from './roles.ts';
export { LanguageField } from './views/language-field.tsx';
export { RoleList } from './views/role-list.tsx';
export type { ScopeNames } from './views/role-list.tsx';
