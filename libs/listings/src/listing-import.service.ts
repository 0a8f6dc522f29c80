import { Inject, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { CompanyActor, DomainError, findUnsafeInput, KONTOR_CONFIG, KontorConfig, TransactionRunner, ValidationError } from '@kontor/platform';
import { CategoriesService } from './categories.service';
import { LISTING_CSV_COLUMNS, parseListingCsvRow } from './domain/csv-row';
import { formatCompactTiers } from './domain/price-tiers';
import { ImportReport, ImportRowReport } from './dto/listing.dto';
import { ListingsRepository } from './listings.repository';
import { ListingsService } from './listings.service';

export const MAX_IMPORT_ROWS = 50_000;
const REQUIRED_COLUMNS = ['sku', 'title', 'category', 'currency', 'price_tiers', 'dispatch_country'];

/** CSV field names for content fields, so a row's error names the column the supplier wrote. */
const CSV_FIELD: Record<string, string> = {
  priceTiers: 'price_tiers',
  leadTimeDays: 'lead_time_days',
  pricingUnit: 'pricing_unit',
  dispatchCountry: 'dispatch_country',
  dispatchRegion: 'dispatch_region',
  imageUrls: 'image_urls',
  categoryId: 'category',
  stockCount: 'stock_count',
};

function csvField(field: string): string {
  const head = field.match(/^[A-Za-z]+/)?.[0] ?? field;
  return CSV_FIELD[head] ? CSV_FIELD[head] + field.slice(head.length) : field;
}

export interface ImportOptions {
  submit?: boolean;
  /** Called after every row (CLI progress bar). */
  onRow?: (report: ImportRowReport) => void;
  /** Rows the file may hold (default MAX_IMPORT_ROWS); a longer file is refused and nothing is imported. */
  maxRows?: number;
}

/**
 * Bulk upsert of a supplier's listings from CSV, streamed row by row. Each row runs in its own
 * transaction, so a bad row is reported and skipped without leaving half of it behind.
 */
@Injectable()
export class ListingImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly listings: ListingsRepository,
    private readonly listingsService: ListingsService,
    private readonly categories: CategoriesService,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  importForActor(actor: CompanyActor, input: Readable | string | null | undefined, options: ImportOptions = {}): Promise<ImportReport> {
    return this.import(actor.companyId, input, { maxRows: this.config.csvImportMaxRows, ...options });
  }

  async import(supplierCompanyId: string, input: Readable | string | null | undefined, options: ImportOptions = {}): Promise<ImportReport> {
    if (input === null || input === undefined || input === '') throw ValidationError.field('file', 'a CSV body (text/csv) or a multipart file is required');
    const source = typeof input === 'string' ? Readable.from([input]) : input;
    const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
    const parser = source.pipe(
      parse({
        bom: true,
        skip_empty_lines: true,
        max_record_size: 64 * 1024,
        columns: (header: string[]) => {
          const names = header.map((h) => h.trim().toLowerCase());
          const unknown = names.find((n) => !(LISTING_CSV_COLUMNS as readonly string[]).includes(n));
          if (unknown !== undefined) throw ValidationError.field('file', `unknown column '${unknown}'; expected ${LISTING_CSV_COLUMNS.join(', ')}`);
          const missing = REQUIRED_COLUMNS.find((n) => !names.includes(n));
          if (missing) throw ValidationError.field('file', `missing column '${missing}'`);
          return names;
        },
      }),
    );
    // pipe() passes on no error of the upload (a multipart body that broke off, maybe before we got
    // here): without this the parser would wait for the rest forever.
    const uploadBrokeOff = () => parser.destroy(ValidationError.field('file', 'the upload ended early or is malformed', 'UPLOAD_MALFORMED'));
    if (source.errored || (source.destroyed && !source.readableEnded)) uploadBrokeOff();
    else source.once('error', uploadBrokeOff);
    // Every row is read before any is written, so a file over the row cap, or one that breaks off, imports nothing.
    const records: Record<string, string>[] = [];
    try {
      for await (const record of parser as AsyncIterable<Record<string, string>>) {
        if (records.length === maxRows) throw ValidationError.field('file', `at most ${maxRows} rows per import; nothing was imported (split the file)`, 'CSV_TOO_MANY_ROWS');
        records.push(record);
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const e = error as { code?: string; message?: string };
      if (typeof e.code === 'string' && e.code.startsWith('CSV_')) throw ValidationError.field('file', `row ${records.length + 1}: ${e.message ?? 'malformed CSV'}`, 'CSV_MALFORMED');
      throw error;
    }
    if (records.length === 0) throw ValidationError.field('file', 'the CSV has no data rows');
    const report: ImportReport = { created: 0, updated: 0, rejected: 0, rows: [] };
    const categoryCache = new Map<string, string | null>();
    for (const [index, record] of records.entries()) {
      const result = await this.importRow(supplierCompanyId, index + 1, record, categoryCache, options.submit ?? false);
      report[result.result] += 1;
      report.rows.push(result);
      options.onRow?.(result);
    }
    return report;
  }

  private async importRow(supplierCompanyId: string, row: number, record: Record<string, string>, categoryCache: Map<string, string | null>, submit: boolean): Promise<ImportRowReport> {
    const sku = record.sku?.trim() || null;
    try {
      const unsafe = findUnsafeInput(record);
      if (unsafe) throw ValidationError.field(unsafe.field, unsafe.message);
      const parsed = parseListingCsvRow(record);
      if (!categoryCache.has(parsed.category)) categoryCache.set(parsed.category, (await this.categories.resolve(parsed.category))?.id ?? null);
      const categoryId = categoryCache.get(parsed.category);
      if (!categoryId) throw ValidationError.field('category', `unknown category '${parsed.category}' (use a path like industrial/fasteners/bolts)`);
      const write = { sku: parsed.sku, stockCount: parsed.stockCount, content: { ...parsed.content, categoryId } };
      return await this.tx.run(async () => {
        const existing = await this.listings.findOwnedBySkuForUpdate(supplierCompanyId, parsed.sku);
        let listing = existing ? await this.listingsService.applyWrite(existing, write) : await this.listingsService.createListing(supplierCompanyId, write);
        if (submit && (listing.status === 'draft' || listing.status === 'rejected')) listing = await this.listingsService.submitListing(listing);
        return { row, sku, result: existing ? 'updated' : 'created', listingId: listing.id } as ImportRowReport;
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = Array.isArray(error.details) ? (error.details[0] as { field?: string; message?: string }) : undefined;
      return { row, sku, result: 'rejected', field: csvField(problem?.field ?? 'row'), reason: problem?.message ?? error.message };
    }
  }

  /** Every listing of the supplier as CSV (the working copy), in the import format. */
  async export(actor: CompanyActor): Promise<string> {
    const paths = new Map((await this.categories.list()).map((c) => [c.id, c.path]));
    const chunks: string[] = [stringify([LISTING_CSV_COLUMNS as unknown as string[]])];
    let after: string | null = null;
    for (;;) {
      const batch = await this.listings.ownedBatch(actor.companyId, after, 1000);
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      chunks.push(
        stringify(
          batch.map((l) => {
            const c = l.content;
            return [
              l.sku ?? '', c.title, c.description, c.kind, paths.get(c.categoryId) ?? c.categoryId, c.unit, c.moq, c.currency, formatCompactTiers(c.priceTiers),
              c.leadTimeDays, c.availability, l.stockCount ?? '', c.pricingUnit ?? '', c.dispatchCountry, c.dispatchRegion ?? '',
              Object.entries(c.attributes).map(([k, v]) => `${k}=${v}`).join(';'), c.certifications.join('|'), c.imageUrls.join('|'),
            ];
          }),
        ),
      );
    }
    return chunks.join('');
  }
}
