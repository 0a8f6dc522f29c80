import { Module } from '@nestjs/common';
import { SynonymsRepository } from './synonyms.repository';
import { SynonymsService } from './synonyms.service';

/** Operator-managed synonyms: the admin app edits them, the search engines read them. */
@Module({
  providers: [SynonymsRepository, SynonymsService],
  exports: [SynonymsService],
})
export class SynonymsModule {}
