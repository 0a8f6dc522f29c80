import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConflictError, DomainEvents, isUniqueViolation, JobQueue, NotFoundError, OperatorActor, TransactionRunner, TtlCache, ValidationError, pageOffset } from '@kontor/platform';
import { MAX_SYNONYM_WORDS, normalizeSynonymTerm, SynonymKind, SynonymMap, synonymMap } from './domain/synonyms';
import { CreateSynonymDto, SynonymDetailDto, SynonymAuditDto, SynonymDto, SynonymListQuery, SynonymPageDto, UpdateSynonymDto } from './dto/synonym.dto';
import { SynonymsRepository } from './synonyms.repository';

/** Domain events of the search context. */
export const SearchEvents = {
  /** An operator created, changed or deleted a synonym entry: engines refresh their synonyms. */
  synonymsChanged: 'search.synonyms-changed',
} as const;

export interface SynonymsChangedEvent {
  synonymId: string;
  action: 'created' | 'updated' | 'deleted';
}

/** Outbox queue: the process that runs the search indexer pushes the new synonyms to the engine (Meilisearch settings). */
export const SEARCH_SYNONYMS_QUEUE = 'search-synonyms';

/** Where engines read the current synonyms from. */
export interface SynonymSource {
  /** Normalized term → what it also means; may lag a change in another process by up to the cache's time to live. */
  current(): Promise<SynonymMap>;
}

/** Other processes (each with its own cache) see a change within this long; the process that made it at once. */
const CACHE_TTL_MS = 30_000;

/** Operators manage synonyms (every change audited); engines read them through `current()`. */
@Injectable()
export class SynonymsService implements SynonymSource {
  private readonly cache = new TtlCache<'all', Promise<SynonymMap>>(CACHE_TTL_MS, 1);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly synonyms: SynonymsRepository,
    private readonly events: DomainEvents,
    private readonly jobs: JobQueue,
  ) {}

  current(): Promise<SynonymMap> {
    let value = this.cache.get('all');
    if (!value) {
      value = this.synonyms.allRules().then(synonymMap);
      // A failed read is not cached: the next search tries again.
      value.catch(() => this.cache.clear());
      this.cache.set('all', value);
    }
    return value;
  }

  @OnEvent(SearchEvents.synonymsChanged)
  forget(): void {
    this.cache.clear();
  }

  async list(query: SynonymListQuery): Promise<SynonymPageDto> {
    const [rows, total] = await this.synonyms.page(pageOffset(query), query.limit);
    return { items: rows.map(SynonymDto.from), page: query.page, limit: query.limit, total };
  }

  async get(id: string): Promise<SynonymDetailDto> {
    const entry = await this.synonyms.findById(id);
    if (!entry) throw new NotFoundError('SYNONYM_NOT_FOUND', 'Synonym entry not found');
    return { ...SynonymDto.from(entry), audit: (await this.synonyms.auditTrail(id)).map(SynonymAuditDto.from) };
  }

  async create(actor: OperatorActor, input: CreateSynonymDto): Promise<SynonymDto> {
    const entry = SynonymsService.validated(input.kind, input.input ?? null, input.synonyms);
    return this.write(async () => {
      const created = SynonymDto.from(await this.synonyms.insert({ ...entry, createdBy: actor.userId }));
      await this.changed(actor, created.id, 'created', null, created);
      return created;
    });
  }

  async update(actor: OperatorActor, id: string, input: UpdateSynonymDto): Promise<SynonymDto> {
    return this.write(async () => {
      const before = await this.synonyms.findByIdForUpdate(id);
      if (!before) throw new NotFoundError('SYNONYM_NOT_FOUND', 'Synonym entry not found');
      const kind = input.kind ?? before.kind;
      // Turning an entry two-way drops its input unless the request names one (which is then refused).
      const inputTerm = input.input !== undefined ? input.input : kind === 'two_way' && input.kind !== undefined ? null : before.input;
      const entry = SynonymsService.validated(kind, inputTerm, input.synonyms ?? before.synonyms);
      const after = SynonymDto.from(await this.synonyms.update(id, entry));
      await this.changed(actor, id, 'updated', SynonymDto.from(before), after);
      return after;
    });
  }

  async delete(actor: OperatorActor, id: string): Promise<void> {
    await this.tx.run(async () => {
      const before = await this.synonyms.findByIdForUpdate(id);
      if (!before) throw new NotFoundError('SYNONYM_NOT_FOUND', 'Synonym entry not found');
      await this.synonyms.delete(id);
      await this.changed(actor, id, 'deleted', SynonymDto.from(before), null);
    });
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.tx.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('SYNONYM_INPUT_EXISTS', 'A one-way entry for this input exists already; edit that one');
      throw error;
    }
  }

  /** Audit row, outbox job for the engine and the in-process event, all with the change's transaction. */
  private async changed(actor: OperatorActor, synonymId: string, action: SynonymsChangedEvent['action'], before: SynonymDto | null, after: SynonymDto | null): Promise<void> {
    await this.synonyms.audit({ synonymId, operatorId: actor.userId, action, before, after });
    await this.jobs.send(SEARCH_SYNONYMS_QUEUE, { synonymId });
    this.events.publish<SynonymsChangedEvent>(SearchEvents.synonymsChanged, { synonymId, action });
  }

  /** Normalized terms of an entry; every rule about its shape, as 400s naming the field. */
  static validated(kind: SynonymKind, input: string | null, synonyms: string[]): { kind: SynonymKind; input: string | null; synonyms: string[] } {
    const term = (field: string, raw: string) => {
      const t = normalizeSynonymTerm(raw);
      if (!t) throw ValidationError.field(field, 'must contain letters or digits');
      if (t.split(' ').length > MAX_SYNONYM_WORDS) throw ValidationError.field(field, `a term has at most ${MAX_SYNONYM_WORDS} words`);
      return t;
    };
    const terms = [...new Set(synonyms.map((s) => term('synonyms', s)))];
    if (kind === 'two_way') {
      if (input !== null) throw ValidationError.field('input', 'only one_way entries have an input');
      if (terms.length < 2) throw ValidationError.field('synonyms', 'a two_way entry needs at least 2 different terms');
      return { kind, input: null, synonyms: terms };
    }
    if (input === null) throw ValidationError.field('input', 'a one_way entry needs an input');
    const from = term('input', input);
    const to = terms.filter((t) => t !== from);
    if (to.length === 0) throw ValidationError.field('synonyms', 'needs at least one term other than input');
    return { kind, input: from, synonyms: to };
  }
}
