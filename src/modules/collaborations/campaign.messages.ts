/** Texts of campaigns (inventering) and import/export (merged into the catalogs in platform/i18n). */
export const campaignsSv = {};

export const campaignsEn: Record<keyof typeof campaignsSv, string> = {};
