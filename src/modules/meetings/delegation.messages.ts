/** Texts of delegations and host planning (merged into the catalogs in platform/i18n). */
export const delegationsSv = {};

export const delegationsEn: Record<keyof typeof delegationsSv, string> = {};
