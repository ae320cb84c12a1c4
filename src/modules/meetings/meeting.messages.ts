/** Texts of meetings, the rotation and the public meeting pages (merged into the catalogs in platform/i18n). */
export const meetingsSv = {};

export const meetingsEn: Record<keyof typeof meetingsSv, string> = {};
