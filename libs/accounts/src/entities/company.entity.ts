import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type VerificationStatus = 'unverified' | 'pending' | 'verified' | 'rejected';

@Entity('companies')
export class CompanyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber: string;

  @Column({ name: 'is_buyer', type: 'boolean' })
  isBuyer: boolean;

  @Column({ name: 'is_supplier', type: 'boolean' })
  isSupplier: boolean;

  @Column({ name: 'verification_status', type: 'text', default: 'unverified' })
  verificationStatus: VerificationStatus;

  @Column({ name: 'verification_note', type: 'text', nullable: true })
  verificationNote: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  suspended: boolean;

  @Column({ name: 'suspension_reason', type: 'text', nullable: true })
  suspensionReason: string | null;

  @Column({ name: 'require_two_factor', type: 'boolean', default: false })
  requireTwoFactor: boolean;

  /** Buyer setting: awards and orders above this total wait for an approver. */
  @Column({ name: 'approval_threshold_amount', type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  approvalThresholdAmount: number | null;

  @Column({ name: 'approval_threshold_currency', type: 'char', length: 3, nullable: true })
  approvalThresholdCurrency: string | null;

  /** Buyer setting: above the threshold, the approver must not be the person who asked. */
  @Column({ name: 'four_eyes_approval', type: 'boolean', default: true })
  fourEyesApproval: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
