/**
 * Heavy document libraries, loaded on first use rather than at start: exceljs and pdfkit
 * (with fontkit) add tens of MB to the resident memory of every instance, and only exports
 * and imports need them.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadPdfkit = async () => (await import('pdfkit')).default;
