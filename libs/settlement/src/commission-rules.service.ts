import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, OperatorActor, TransactionRunner, ValidationError } from '@kontor/platform';
import { CommissionRulesRepository } from './commission-rules.repository';
import { CommissionLineInput, computeCommission, OrderCommission } from './domain/commission';
import { CommissionRuleDto, CommissionRuleListQuery, CreateCommissionRuleDto, UpdateCommissionRuleDto } from './dto/commission-rule.dto';

/** Operators manage commission rules (every change audited); orders ask it for the fee of an order. */
@Injectable()
export class CommissionRules {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rules: CommissionRulesRepository,
    private readonly clock: Clock,
  ) {}

  /** The commission an order of this supplier would be charged now, per line, with the rule that set each fee. */
  async quote(input: { supplierCompanyId: string; currency: string; lines: CommissionLineInput[]; at?: Date }): Promise<OrderCommission> {
    const at = input.at ?? this.clock.now();
    const categoryIds = [...new Set(input.lines.map((l) => l.categoryId).filter((c): c is string => c !== null))];
    const rules = await this.rules.candidates(input.supplierCompanyId, categoryIds, at);
    return computeCommission({ supplierCompanyId: input.supplierCompanyId, currency: input.currency, lines: input.lines, rules, at });
  }

  async list(query: CommissionRuleListQuery): Promise<CommissionRuleDto[]> {
    return (await this.rules.list(query)).map(CommissionRuleDto.from);
  }

  async get(id: string) {
    const rule = await this.rules.findById(id);
    if (!rule) throw new NotFoundError('COMMISSION_RULE_NOT_FOUND', 'Commission rule not found');
    return { ...CommissionRuleDto.from(rule), audit: await this.rules.auditTrail(id) };
  }

  async create(actor: OperatorActor, input: CreateCommissionRuleDto): Promise<CommissionRuleDto> {
    if (input.scope !== 'category' && input.categoryId) throw ValidationError.field('categoryId', 'only for scope=category');
    if (input.scope !== 'supplier' && input.supplierCompanyId) throw ValidationError.field('supplierCompanyId', 'only for scope=supplier');
    if (input.minFee && input.maxFee) {
      if (input.minFee.currency !== input.maxFee.currency) throw ValidationError.field('maxFee.currency', 'must equal minFee.currency');
      if (input.minFee.amount > input.maxFee.amount) throw ValidationError.field('maxFee.amount', 'must be at least minFee.amount');
    }
    const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : this.clock.now();
    const effectiveTo = input.effectiveTo ? new Date(input.effectiveTo) : null;
    if (effectiveTo && effectiveTo <= effectiveFrom) throw ValidationError.field('effectiveTo', 'must be after effectiveFrom');
    return this.tx.run(async () => {
      const rule = await this.rules.insert({
        scope: input.scope,
        categoryId: input.categoryId ?? null,
        supplierCompanyId: input.supplierCompanyId ?? null,
        rateBp: input.rateBp,
        minFee: input.minFee ?? null,
        maxFee: input.maxFee ?? null,
        effectiveFrom,
        effectiveTo,
        note: input.note ?? null,
        createdBy: actor.userId,
      });
      const dto = CommissionRuleDto.from(rule);
      await this.rules.audit(rule.id, actor.userId, 'created', null, dto);
      return dto;
    });
  }

  /** Only the end date and note of a rule change; a new rate is a new rule (orders keep the rule they were placed under). */
  async update(actor: OperatorActor, id: string, input: UpdateCommissionRuleDto): Promise<CommissionRuleDto> {
    return this.tx.run(async () => {
      const before = await this.rules.findByIdForUpdate(id);
      if (!before) throw new NotFoundError('COMMISSION_RULE_NOT_FOUND', 'Commission rule not found');
      const effectiveTo = input.effectiveTo === undefined ? before.effectiveTo : input.effectiveTo === null ? null : new Date(input.effectiveTo);
      if (effectiveTo && effectiveTo <= before.effectiveFrom) throw ValidationError.field('effectiveTo', 'must be after effectiveFrom');
      const after = CommissionRuleDto.from(await this.rules.updateEnd(id, effectiveTo, input.note));
      await this.rules.audit(id, actor.userId, 'updated', CommissionRuleDto.from(before), after);
      return after;
    });
  }
}
