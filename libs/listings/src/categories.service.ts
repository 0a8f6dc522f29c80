import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { CategoriesRepository } from './categories.repository';
import { CategoryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { CategoryEntity } from './entities/category.entity';
import { ListingOutbox } from './listing-outbox';

function toDto(c: CategoryEntity): CategoryDto {
  return { id: c.id, slug: c.slug, name: c.name, parentId: c.parentId, path: c.path, suggestedAttributes: c.suggestedAttributes };
}

/** The category tree: everyone reads it, operators edit it. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly categories: CategoriesRepository,
    private readonly outbox: ListingOutbox,
  ) {}

  async list(): Promise<CategoryDto[]> {
    return (await this.categories.all()).map(toDto);
  }

  async get(id: string): Promise<CategoryDto> {
    const c = await this.categories.findById(id);
    if (!c) throw new NotFoundError('CATEGORY_NOT_FOUND', 'Category not found');
    return toDto(c);
  }

  create(body: CreateCategoryDto): Promise<CategoryDto> {
    return this.tx.run(async () => {
      const parent = body.parentId ? await this.categories.findById(body.parentId) : null;
      if (body.parentId && !parent) throw ValidationError.field('parentId', 'unknown category');
      const path = parent ? `${parent.path}/${body.slug}` : body.slug;
      if (await this.categories.findByPath(path)) throw new ConflictError('CATEGORY_EXISTS', `A category ${path} already exists`);
      return toDto(await this.categories.save({ slug: body.slug, name: body.name, parentId: parent?.id ?? null, path, suggestedAttributes: body.suggestedAttributes ?? [] }));
    });
  }

  /** Renames, re-slugs or edits suggested attributes; a new slug rewrites the paths of the whole subtree. */
  update(id: string, body: UpdateCategoryDto): Promise<CategoryDto> {
    return this.tx.run(async () => {
      const c = await this.categories.findById(id);
      if (!c) throw new NotFoundError('CATEGORY_NOT_FOUND', 'Category not found');
      if (body.name !== undefined) c.name = body.name;
      if (body.suggestedAttributes !== undefined) c.suggestedAttributes = body.suggestedAttributes;
      if (body.slug !== undefined && body.slug !== c.slug) {
        const newPath = c.path.includes('/') ? `${c.path.slice(0, c.path.lastIndexOf('/'))}/${body.slug}` : body.slug;
        if (await this.categories.findByPath(newPath)) throw new ConflictError('CATEGORY_EXISTS', `A category ${newPath} already exists`);
        await this.categories.save({ ...c, slug: body.slug });
        await this.categories.rewritePaths(c.path, newPath);
        await this.outbox.everythingChanged();
      } else {
        await this.categories.save(c);
        if (body.name !== undefined) await this.outbox.everythingChanged();
      }
      return toDto((await this.categories.findById(id))!);
    });
  }

  /** A category named by id, path or (unique) slug; null when unknown or ambiguous. */
  async resolve(ref: string): Promise<CategoryEntity | null> {
    if (/^[0-9a-f-]{36}$/i.test(ref)) return this.categories.findById(ref);
    const byPath = await this.categories.findByPath(ref);
    if (byPath) return byPath;
    const bySlug = await this.categories.findBySlug(ref);
    return bySlug.length === 1 ? bySlug[0] : null;
  }
}
