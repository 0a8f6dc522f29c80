import { RfqDto, RfqLineDto } from './dto/rfq.dto';
import { RfqLineEntity } from './entities/rfq-line.entity';
import { RfqEntity } from './entities/rfq.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRfqLineDto(l: RfqLineEntity): RfqLineDto {
  return {
    id: l.id,
    position: l.position,
    description: l.description,
    listingId: l.listingId,
    categoryId: l.categoryId,
    quantity: l.quantity,
    unit: l.unit,
    targetUnitPrice: l.targetUnitPrice,
    attributes: l.attributes ?? [],
  };
}

/** The RFQ as both sides see it; recipients and own response are added by the caller. */
export function toRfqDto(r: RfqEntity, lines: RfqLineEntity[]): RfqDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    status: r.status,
    buyerCompanyId: r.buyerCompanyId,
    currency: r.currency,
    deliveryCountry: r.deliveryCountry,
    deliveryAddress: r.deliveryAddress,
    neededBy: r.neededBy,
    responseDeadline: r.responseDeadline.toISOString(),
    paymentTerms: r.paymentTerms,
    attachments: r.attachments ?? [],
    categoryIds: r.categoryIds ?? [],
    openToCategories: r.openToCategories,
    lines: lines.map(toRfqLineDto),
    publishedAt: iso(r.publishedAt),
    closedAt: iso(r.closedAt),
    awardedAt: iso(r.awardedAt),
    cancelReason: r.cancelReason,
    createdAt: r.createdAt.toISOString(),
  };
}
