import { SingleBar, Presets } from 'cli-progress';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CompanyDirectory } from '@kontor/accounts';
import { ListingImportService } from '@kontor/listings';
import { CliCommand, parseFlags } from './cli-context';

async function countDataRows(file: string): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) if (line.trim()) lines += 1;
  return Math.max(lines - 1, 0);
}

export const listingsImportCommand: CliCommand = {
  name: 'listings:import',
  usage: 'listings:import FILE.csv --supplier COMPANY_ID [--submit]   (one row per listing, upsert by sku; price_tiers like 1:1250|100:1100)',
  async run(args, ctx) {
    const flags = parseFlags(args);
    const file = flags._[0];
    if (!file || !flags.supplier) throw new Error(`usage: ${this.usage}`);
    if (!existsSync(file)) throw new Error(`no such file: ${file}`);
    const app = await ctx.app('supplier');
    const supplier = /^[0-9a-f-]{36}$/i.test(flags.supplier) ? await app.get(CompanyDirectory).get(flags.supplier) : null;
    if (!supplier?.isSupplier) throw new Error(`--supplier ${flags.supplier} is not a supplier company id`);
    const total = await countDataRows(file);
    const importer = app.get(ListingImportService);
    const bar = new SingleBar({ format: 'importing |{bar}| {value}/{total} rows  created {created}  updated {updated}  rejected {rejected}', hideCursor: true }, Presets.shades_classic);
    const counts = { created: 0, updated: 0, rejected: 0 };
    bar.start(total, 0, counts);
    let report;
    try {
      report = await importer.import(flags.supplier, createReadStream(file), {
        submit: flags.submit === 'true',
        onRow: (row) => {
          counts[row.result] += 1;
          bar.increment(1, counts);
        },
      });
    } finally {
      bar.stop();
    }
    console.log(`created ${report.created}, updated ${report.updated}, rejected ${report.rejected}`);
    for (const row of report.rows.filter((r) => r.result === 'rejected').slice(0, 50)) {
      console.log(`  row ${row.row} (${row.sku ?? 'no sku'}): ${row.field}: ${row.reason}`);
    }
    if (report.rejected > 50) console.log(`  … and ${report.rejected - 50} more rejected rows`);
  },
};
