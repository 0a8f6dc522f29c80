import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { CategoryEntity } from './entities/category.entity';

@Injectable()
export class CategoriesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(CategoryEntity);
  }

  all(): Promise<CategoryEntity[]> {
    return this.repo.find({ order: { path: 'ASC' } });
  }

  findById(id: string): Promise<CategoryEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<CategoryEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('c').where('c.id IN (:...ids)', { ids }).getMany();
  }

  findByPath(path: string): Promise<CategoryEntity | null> {
    return this.repo.findOneBy({ path });
  }

  /** Leaf-or-branch categories whose slug is `slug` (a CSV may name a category by slug when unique). */
  findBySlug(slug: string): Promise<CategoryEntity[]> {
    return this.repo.findBy({ slug });
  }

  /** The categories and all their descendants. */
  async subtreeIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT d.id FROM listing_categories c JOIN listing_categories d ON d.path = c.path OR d.path LIKE c.path || '/%' WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return [...new Set(rows.map((r) => r.id))];
  }

  /** Rewrites the paths of a subtree after a slug change or a move (one statement, so it is consistent). */
  async rewritePaths(oldPrefix: string, newPrefix: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE listing_categories SET path = $2 || substr(path, length($1) + 1), updated_at = now() WHERE path = $1 OR path LIKE $1 || '/%'`,
      [oldPrefix, newPrefix],
    );
  }

  save(category: Partial<CategoryEntity>): Promise<CategoryEntity> {
    return this.repo.save(this.repo.create(category));
  }
}
