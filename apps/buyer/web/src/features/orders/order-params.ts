import { z } from 'zod';

const ORDER_STATUSES = ['pending_approval', 'rejected', 'placed', 'confirmed', 'declined', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The order list's state, all of it in the URL (bookmarkable, shareable). */
export const orderListParamsSchema = z.object({
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  supplier: z.string().uuid().optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  sort: z.enum(['createdAt', '-createdAt', 'total', '-total', 'number', '-number']).optional().catch(undefined),
  page: z.number().int().min(1).max(100000).optional().catch(undefined),
});
export type OrderListParams = z.infer<typeof orderListParamsSchema>;
export { ORDER_STATUSES };
