/** The roles are the platform's (permissions name them); accounts grant them. */
export { ROLES, hasRole, isRole, type Role, type RoleGrant } from '../../platform/roles.ts';
