/** Texts of collaborations, exchanges, review and the knowledge bank (merged into the catalogs in platform/i18n). */
export const collaborationsSv = {};

export const collaborationsEn: Record<keyof typeof collaborationsSv, string> = {};
