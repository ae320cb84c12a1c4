/**
 * Heavy document libraries, loaded on first use rather than at start: exceljs and pdfmake
 * add about 40 MB to the resident memory of every instance, and only exports and imports
 * need them.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadPdfmake = async () => (await import('pdfmake')).default;
