import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('chat_read_markers')
export class ReadMarkerEntity {
  @PrimaryColumn({ name: 'thread_id', type: 'uuid' }) threadId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'last_read_seq', type: 'int' }) lastReadSeq: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
