import { SingleBar, Presets } from 'cli-progress';
import { ListingCatalog } from '@kontor/listings';
import { SearchIndexer } from '@kontor/search';
import { CliCommand } from './cli-context';

export const searchReindexCommand: CliCommand = {
  name: 'search:reindex',
  usage: 'search:reindex   (rebuilds the search index from every published listing)',
  async run(_args, ctx) {
    const app = await ctx.app('buyer');
    const total = await app.get(ListingCatalog).countApproved();
    const bar = new SingleBar({ format: 'reindexing |{bar}| {value}/{total} listings  {duration}s', hideCursor: true }, Presets.shades_classic);
    bar.start(total, 0);
    const started = Date.now();
    let done = 0;
    try {
      done = await app.get(SearchIndexer).reindexAll((n) => bar.update(n));
    } finally {
      bar.stop();
    }
    console.log(`Reindexed ${done} listings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
};
