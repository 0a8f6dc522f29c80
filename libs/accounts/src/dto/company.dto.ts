import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMPANY_ROLES, CompanyRole, Nullable, Optional, PageQuery } from '@kontor/platform';
import type { CompanyEntity, VerificationStatus } from '../entities/company.entity';

export class MoneyDto {
  @ApiProperty({ description: 'Integer amount in minor units (cents)', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency: string;
}

export class CompanyDto {
  @ApiProperty() id: string;
  @ApiProperty() legalName: string;
  @ApiProperty() country: string;
  @ApiProperty() registrationNumber: string;
  @ApiProperty() isBuyer: boolean;
  @ApiProperty() isSupplier: boolean;
  @ApiProperty({ enum: ['unverified', 'pending', 'verified', 'rejected'] }) verificationStatus: VerificationStatus;
  @ApiProperty({ nullable: true, type: String }) verificationNote: string | null;
  @ApiProperty() suspended: boolean;
  @ApiProperty() requireTwoFactor: boolean;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Awards and orders above this total need an approver' }) approvalThreshold: MoneyDto | null;
  @ApiProperty({ description: 'Above the approval threshold, the approver must be someone other than the person who placed the order or asked for the award' }) fourEyesApproval: boolean;
  @ApiProperty() createdAt: string;

  static from(c: CompanyEntity): CompanyDto {
    return {
      id: c.id,
      legalName: c.legalName,
      country: c.country,
      registrationNumber: c.registrationNumber,
      isBuyer: c.isBuyer,
      isSupplier: c.isSupplier,
      verificationStatus: c.verificationStatus,
      verificationNote: c.verificationNote,
      suspended: c.suspended,
      requireTwoFactor: c.requireTwoFactor,
      approvalThreshold: c.approvalThresholdAmount === null ? null : { amount: c.approvalThresholdAmount, currency: c.approvalThresholdCurrency! },
      fourEyesApproval: c.fourEyesApproval,
      createdAt: c.createdAt.toISOString(),
    };
  }
}

export class UpdateCompanyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @Length(2, 200)
  legalName?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @Optional()
  @IsString()
  @Length(2, 50)
  @Matches(/^[A-Za-z0-9 .\-/]+$/, { message: 'registrationNumber may contain only letters, digits, spaces and . - /' })
  registrationNumber?: string;

  @ApiPropertyOptional({ description: 'Require TOTP two-factor sign-in for every member' })
  @Optional()
  @IsBoolean()
  requireTwoFactor?: boolean;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'Buyer companies: totals above this need an approver; null removes it' })
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  approvalThreshold?: MoneyDto | null;

  @ApiPropertyOptional({ description: 'Buyer companies: above the approval threshold, nobody approves their own order or award (default true)' })
  @Optional()
  @IsBoolean()
  fourEyesApproval?: boolean;
}

export class MemberDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: COMPANY_ROLES }) role: CompanyRole;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty() joinedAt: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: COMPANY_ROLES })
  @IsIn(COMPANY_ROLES as unknown as string[])
  role: CompanyRole;
}

export class CreateInvitationDto {
  @ApiProperty({ maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: COMPANY_ROLES })
  @IsIn(COMPANY_ROLES as unknown as string[])
  role: CompanyRole;
}

export class InvitationDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: COMPANY_ROLES }) role: CompanyRole;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'Token from the invitation link' })
  @IsString()
  @Length(10, 200)
  token: string;

  @ApiProperty({ description: 'New users choose a password; existing users confirm theirs', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiPropertyOptional({ description: 'Required for a new user', maxLength: 120 })
  @Optional()
  @IsString()
  @Length(1, 120)
  fullName?: string;
}

export class CompanyListQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'Matches legal name or registration number' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['unverified', 'pending', 'verified', 'rejected'] })
  @Optional()
  @IsIn(['unverified', 'pending', 'verified', 'rejected'])
  verificationStatus?: VerificationStatus;

  @ApiPropertyOptional({ enum: ['buyer', 'supplier'] })
  @Optional()
  @IsIn(['buyer', 'supplier'])
  side?: 'buyer' | 'supplier';

  @ApiPropertyOptional()
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  suspended?: boolean;
}

export class DecisionReasonDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @Optional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class CreateOperatorInput {
  email: string;
  password: string;
  fullName: string;
  roles: string[];
}

/** Adds a side of the market to the company: a buyer company can also start selling, and vice versa. */
export class AddCompanySideDto {
  @ApiProperty({ enum: ['buyer', 'supplier'] })
  @IsIn(['buyer', 'supplier'])
  side: 'buyer' | 'supplier';
}
