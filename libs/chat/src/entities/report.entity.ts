import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A user's report of a message to the operators. */
@Entity('chat_reports')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'message_id', type: 'uuid' }) messageId: string;
  @Column({ name: 'thread_id', type: 'uuid' }) threadId: string;
  @Column({ name: 'reporter_user_id', type: 'uuid' }) reporterUserId: string;
  @Column({ name: 'reporter_company_id', type: 'uuid' }) reporterCompanyId: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
