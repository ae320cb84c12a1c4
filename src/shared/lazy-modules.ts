/**
 * Heavy libraries, loaded on first use rather than at start: exceljs and pdfkit (with
 * fontkit) add tens of MB to the resident memory of every instance, and only exports and
 * imports need them; the others are needed by a page or an action few requests reach (the
 * MFA set-up's QR code, the Turtle catalogue, sending mail over SMTP), and each cost
 * 50–200 ms of start and 1–3 MB of heap (decision 043).
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadPdfkit = async () => (await import('pdfkit')).default;
export const loadQrCode = async () => (await import('qrcode')).default;
export const loadN3 = async () => await import('n3');
export const loadNodemailer = async () => (await import('nodemailer')).default;
