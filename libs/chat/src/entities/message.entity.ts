import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Offer } from '../domain/offer';

export type Side = 'buyer' | 'supplier';
export type MessageKind = 'text' | 'offer' | 'offer_accepted';
export type OfferStatus = 'open' | 'accepted' | 'superseded';

@Entity('chat_messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'bigint', insert: false, update: false, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) gid: number;
  @Column({ name: 'thread_id', type: 'uuid' }) threadId: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ name: 'sender_user_id', type: 'uuid' }) senderUserId: string;
  @Column({ name: 'sender_side', type: 'text' }) senderSide: Side;
  @Column({ type: 'text', default: 'text' }) kind: MessageKind;
  @Column({ type: 'text' }) body: string;
  /** The body with contact details masked; null when it contained none (flagged to operators otherwise). */
  @Column({ name: 'masked_body', type: 'text', nullable: true }) maskedBody: string | null;
  @Column({ name: 'client_id', type: 'text', nullable: true }) clientId: string | null;
  @Column({ type: 'jsonb', nullable: true }) offer: Offer | null;
  @Column({ name: 'offer_status', type: 'text', nullable: true }) offerStatus: OfferStatus | null;
  @Column({ name: 'offer_revision', type: 'int', nullable: true }) offerRevision: number | null;
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true }) hiddenAt: Date | null;
  @Column({ name: 'hidden_reason', type: 'text', nullable: true }) hiddenReason: string | null;
  @Column({ name: 'hidden_by', type: 'uuid', nullable: true }) hiddenBy: string | null;
  @Column({ type: 'text', nullable: true }) origin: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
