import { z } from 'zod';

/** The search page's state, all of it in the URL (bookmarkable, shareable). */
export const searchParamsSchema = z.object({
  q: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  country: z.string().optional().catch(undefined),
  kind: z.enum(['good', 'service']).optional().catch(undefined),
  certification: z.string().optional().catch(undefined),
  verifiedOnly: z.boolean().optional().catch(undefined),
  maxMoq: z.number().int().min(1).optional().catch(undefined),
  maxLeadTime: z.number().int().min(0).optional().catch(undefined),
  quantity: z.number().int().min(1).optional().catch(undefined),
  sort: z.enum(['relevance', 'price_asc', 'price_desc', 'lead_time', 'newest', 'rating']).optional().catch(undefined),
  page: z.number().int().min(1).max(100).optional().catch(undefined),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;
