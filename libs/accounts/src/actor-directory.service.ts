import { Injectable } from '@nestjs/common';
import { AccessClaims, Actor, ActorDirectory, TransactionRunner } from '@kontor/platform';

/**
 * Resolves token claims against current data: suspensions, removals, role changes and sign-outs
 * apply at once. One statement per request (this runs on every authenticated call): the session
 * check is an EXISTS on the refresh-token family in the same query.
 */
@Injectable()
export class ActorDirectoryService implements ActorDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  async resolve(claims: AccessClaims): Promise<Actor | null> {
    if (claims.kind === 'operator') {
      if (claims.app !== 'admin') return null;
      const rows: Array<{ roles: string[] }> = await this.tx.read(
        `SELECT o.roles FROM operators o
          WHERE o.id = $1 AND o.active
            AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.subject_id = o.id AND t.revoked_at IS NULL)`,
        [claims.sub, claims.sid],
      );
      return rows.length ? { kind: 'operator', userId: claims.sub, roles: rows[0].roles as never, app: 'admin' } : null;
    }
    if (!claims.cid || claims.app === 'admin') return null;
    const rows: Array<{ role: string; is_buyer: boolean; is_supplier: boolean; suspended: boolean }> = await this.tx.read(
      `SELECT m.role, c.is_buyer, c.is_supplier, c.suspended
         FROM memberships m JOIN companies c ON c.id = m.company_id
        WHERE m.user_id = $1 AND m.company_id = $2
          AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $3 AND t.subject_id = m.user_id AND t.revoked_at IS NULL)`,
      [claims.sub, claims.cid, claims.sid],
    );
    const row = rows[0];
    if (!row || row.suspended) return null;
    if ((claims.app === 'buyer' && !row.is_buyer) || (claims.app === 'supplier' && !row.is_supplier)) return null;
    return { kind: 'user', userId: claims.sub, companyId: claims.cid, role: row.role as never, app: claims.app };
  }
}
