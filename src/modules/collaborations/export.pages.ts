import { PassThrough } from 'node:stream';
import { loadExcel } from '../../shared/lazy-modules.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../../platform/downloads.ts';
import { INTERNAL } from '../../platform/route-options.ts';
import { csvLine, UTF8_BOM } from '../../shared/csv.ts';
import { errors } from '../../shared/errors.ts';
import { exportFiltersSchema, type ExportFilters } from './export.filters.ts';
import { exportHeaders, exportLanguage, exportRows } from './export.service.ts';

function filtersOf(query: unknown): ExportFilters {
  const parsed = exportFiltersSchema.safeParse(query ?? {});
  if (!parsed.success)
    throw errors.validation(
      parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })),
    );
  return parsed.data;
}

const fileName = (ext: string) => `samarbeten-${new Date().toISOString().slice(0, 10)}.${ext}`;

/**
 * Exports of collaborations (any filtered list) for Gothenburg's own roles (INTERNAL: they hold
 * every collaboration with its staff contact, decision 016): streamed Excel and CSV.
 */
export const exportPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/collaborations/export.csv', { config: INTERNAL }, (request, reply) => {
    const filters = filtersOf(request.query);
    const i18n = exportLanguage(request.i18n);
    async function* lines() {
      yield UTF8_BOM + csvLine(exportHeaders(i18n));
      for await (const batch of exportRows(app.db, filters, i18n))
        yield batch.map((row) => csvLine(row)).join('');
    }
    return sendCsv(reply, fileName('csv'), lines());
  });

  app.get('/workspace/collaborations/export.xlsx', { config: INTERNAL }, async (request, reply) => {
    const filters = filtersOf(request.query);
    const i18n = exportLanguage(request.i18n);
    const ExcelJS = await loadExcel();
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(i18n.t('export.sheet'));
    void (async () => {
      const header = sheet.addRow(exportHeaders(i18n));
      header.font = { bold: true };
      header.commit();
      for await (const batch of exportRows(app.db, filters, i18n)) {
        for (const row of batch) sheet.addRow(row).commit();
        // Let the zip stream drain to the client before the next batch: memory stays flat.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
      }
      sheet.commit();
      await workbook.commit();
    })().catch((error: unknown) => {
      request.log.error({ err: error }, 'xlsx export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${fileName('xlsx')}"`)
      .header('cache-control', 'no-store')
      .send(out);
  });
};
