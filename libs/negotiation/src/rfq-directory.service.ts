import { Injectable } from '@nestjs/common';
import { RfqStatus } from './domain/rfq-lifecycle';
import { QuotesRepository } from './quotes.repository';
import { RfqsRepository } from './rfqs.repository';

export interface RfqParticipants {
  rfqId: string;
  title: string;
  status: RfqStatus;
  buyerCompanyId: string;
  /** Whether this supplier received the RFQ (and so may negotiate it). */
  supplierIsRecipient: boolean;
  quoteId: string | null;
  /** The RFQ was awarded to this supplier. */
  awardedToSupplier: boolean;
}

/** Read-only RFQ facts for other contexts (chat decides who may talk about which RFQ). */
@Injectable()
export class RfqDirectory {
  constructor(
    private readonly rfqs: RfqsRepository,
    private readonly quotes: QuotesRepository,
  ) {}

  /** Who takes part in the negotiation of one RFQ with one supplier; null when the RFQ does not exist or is a draft. */
  async participants(rfqId: string, supplierCompanyId: string): Promise<RfqParticipants | null> {
    const rfq = await this.rfqs.findById(rfqId);
    if (!rfq || rfq.status === 'draft') return null;
    const recipient = await this.rfqs.recipient(rfqId, supplierCompanyId);
    const quote = await this.quotes.findByRfqAndSupplier(rfqId, supplierCompanyId);
    const intents = await this.rfqs.awardedSuppliers(rfqId);
    return {
      rfqId,
      title: rfq.title,
      status: rfq.status,
      buyerCompanyId: rfq.buyerCompanyId,
      supplierIsRecipient: Boolean(recipient),
      quoteId: quote?.id ?? null,
      awardedToSupplier: intents.includes(supplierCompanyId),
    };
  }
}
