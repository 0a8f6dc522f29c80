import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { CommissionRule, CommissionScope } from './domain/commission';

interface RuleRow {
  id: string;
  scope: CommissionScope;
  category_id: string | null;
  supplier_company_id: string | null;
  rate_bp: number;
  min_fee_amount: string | null;
  max_fee_amount: string | null;
  fee_currency: string | null;
  effective_from: Date;
  effective_to: Date | null;
  note: string | null;
  created_at: Date;
}

export interface StoredCommissionRule extends CommissionRule {
  note: string | null;
  createdAt: Date;
}

function toRule(r: RuleRow): StoredCommissionRule {
  return {
    id: r.id,
    scope: r.scope,
    categoryId: r.category_id,
    supplierCompanyId: r.supplier_company_id,
    rateBp: r.rate_bp,
    minFee: r.min_fee_amount === null ? null : { amount: Number(r.min_fee_amount), currency: r.fee_currency! },
    maxFee: r.max_fee_amount === null ? null : { amount: Number(r.max_fee_amount), currency: r.fee_currency! },
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    note: r.note,
    createdAt: r.created_at,
  };
}

@Injectable()
export class CommissionRulesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async list(filter: { scope?: CommissionScope; supplierCompanyId?: string; categoryId?: string } = {}): Promise<StoredCommissionRule[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.scope) where.push(`scope = $${params.push(filter.scope)}`);
    if (filter.supplierCompanyId) where.push(`supplier_company_id = $${params.push(filter.supplierCompanyId)}`);
    if (filter.categoryId) where.push(`category_id = $${params.push(filter.categoryId)}`);
    const rows: RuleRow[] = await this.tx.manager.query(`SELECT * FROM commission_rules ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY scope, effective_from DESC, id`, params);
    return rows.map(toRule);
  }

  /** Rules that may apply to an order of this supplier with these categories at `at`. */
  async candidates(supplierCompanyId: string, categoryIds: string[], at: Date): Promise<StoredCommissionRule[]> {
    const rows: RuleRow[] = await this.tx.manager.query(
      `SELECT * FROM commission_rules
       WHERE effective_from <= $1 AND (effective_to IS NULL OR effective_to > $1)
         AND (scope = 'default' OR supplier_company_id = $2 OR category_id = ANY($3::uuid[]))`,
      [at, supplierCompanyId, categoryIds],
    );
    return rows.map(toRule);
  }

  async findById(id: string): Promise<StoredCommissionRule | null> {
    const rows: RuleRow[] = await this.tx.manager.query('SELECT * FROM commission_rules WHERE id = $1', [id]);
    return rows[0] ? toRule(rows[0]) : null;
  }

  async findByIdForUpdate(id: string): Promise<StoredCommissionRule | null> {
    const rows: RuleRow[] = await this.tx.manager.query('SELECT * FROM commission_rules WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ? toRule(rows[0]) : null;
  }

  async insert(rule: Omit<CommissionRule, 'id'> & { note: string | null; createdBy: string }): Promise<StoredCommissionRule> {
    const rows: RuleRow[] = await this.tx.manager.query(
      `INSERT INTO commission_rules (scope, category_id, supplier_company_id, rate_bp, min_fee_amount, max_fee_amount, fee_currency, effective_from, effective_to, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        rule.scope,
        rule.categoryId,
        rule.supplierCompanyId,
        rule.rateBp,
        rule.minFee?.amount ?? null,
        rule.maxFee?.amount ?? null,
        rule.minFee?.currency ?? rule.maxFee?.currency ?? null,
        rule.effectiveFrom,
        rule.effectiveTo,
        rule.note,
        rule.createdBy,
      ],
    );
    return toRule(rows[0]);
  }

  async updateEnd(id: string, effectiveTo: Date | null, note: string | null | undefined): Promise<StoredCommissionRule> {
    // TypeORM returns [rows, affected] for an UPDATE.
    const [rows]: [RuleRow[], number] = await this.tx.manager.query(
      `UPDATE commission_rules SET effective_to = $2, note = CASE WHEN $4 THEN $3 ELSE note END WHERE id = $1 RETURNING *`,
      [id, effectiveTo, note ?? null, note !== undefined],
    );
    return toRule(rows[0]);
  }

  async audit(ruleId: string, operatorId: string, action: string, before: unknown, after: unknown): Promise<void> {
    await this.tx.manager.query('INSERT INTO commission_rule_audit (rule_id, operator_id, action, before, after) VALUES ($1, $2, $3, $4, $5)', [
      ruleId,
      operatorId,
      action,
      before === null ? null : JSON.stringify(before),
      JSON.stringify(after),
    ]);
  }

  async auditTrail(ruleId: string): Promise<Array<{ operatorId: string; action: string; before: unknown; after: unknown; createdAt: string }>> {
    const rows = await this.tx.manager.query('SELECT * FROM commission_rule_audit WHERE rule_id = $1 ORDER BY created_at, id', [ruleId]);
    return rows.map((r: any) => ({ operatorId: r.operator_id, action: r.action, before: r.before, after: r.after, createdAt: new Date(r.created_at).toISOString() }));
  }
}
