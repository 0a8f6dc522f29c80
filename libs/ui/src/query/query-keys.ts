/**
 * The query keys of one domain, so a hooks file and the live socket invalidate the same entries:
 * `rfqKeys.detail(id)` ⊂ `rfqKeys.details()` ⊂ `rfqKeys.all`.
 */
export function queryKeys<const Domain extends string>(domain: Domain) {
  const all = [domain] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: (filters: object = {}) => [...all, 'list', filters] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: string) => [...all, 'detail', id] as const,
  };
}
