import { ApiProperty } from '@nestjs/swagger';
import { COMPANY_ROLES, CompanyRole, OPERATOR_ROLES, OperatorRole } from '@kontor/platform';
import { CompanyDto } from './company.dto';

export class MeUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty({ description: 'Whether the owner confirmed the address through the link mailed at sign-up (or a password reset)' })
  emailVerified: boolean;
}

export class MembershipSummaryDto {
  @ApiProperty() companyId: string;
  @ApiProperty() legalName: string;
  @ApiProperty({ enum: COMPANY_ROLES }) role: CompanyRole;
}

export class MeDto {
  @ApiProperty({ type: MeUserDto }) user: MeUserDto;
  @ApiProperty({ type: CompanyDto }) company: CompanyDto;
  @ApiProperty({ enum: COMPANY_ROLES }) role: CompanyRole;
  @ApiProperty({ type: [MembershipSummaryDto] }) memberships: MembershipSummaryDto[];
}

export class OperatorMeDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: OPERATOR_ROLES, isArray: true }) roles: OperatorRole[];
  @ApiProperty() twoFactorEnabled: boolean;
}
