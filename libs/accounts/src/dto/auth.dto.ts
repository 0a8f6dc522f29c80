import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from '@kontor/platform';

export class CompanyInputDto {
  @ApiProperty({ maxLength: 200, example: 'Acme Industrial GmbH' })
  @IsString()
  @Length(2, 200)
  legalName: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 country code', example: 'DE' })
  @IsISO31661Alpha2()
  country: string;

  @ApiProperty({ description: 'VAT or company registration number', maxLength: 50, example: 'DE123456789' })
  @IsString()
  @Length(2, 50)
  @Matches(/^[A-Za-z0-9 .\-/]+$/, { message: 'registrationNumber may contain only letters, digits, spaces and . - /' })
  registrationNumber: string;
}

export class SignUpDto {
  @ApiProperty({ maxLength: 254, example: 'jane@acme.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200)
  password: string;

  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  fullName: string;

  @ApiProperty({ type: CompanyInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CompanyInputDto)
  company: CompanyInputDto;
}

export class SignInDto {
  @ApiProperty({ maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'Company to act in when the user belongs to several' })
  @Optional()
  @IsUUID()
  companyId?: string;
}

export class TwoFactorSignInDto {
  @ApiProperty({ description: 'challengeToken returned by sign-in' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  challengeToken: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class ChallengeDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  challengeToken: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

/** Tokens of a signed-in session. */
export class SessionDto {
  @ApiProperty({ enum: ['signed_in'] })
  status: 'signed_in';
  @ApiProperty()
  accessToken: string;
  @ApiProperty()
  refreshToken: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' })
  expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';
}

/** Sign-in needs a second step: a TOTP code, or first setting up TOTP because the company requires it. */
export class TwoFactorChallengeResponseDto {
  @ApiProperty({ enum: ['two_factor_required', 'two_factor_setup_required'] })
  status: 'two_factor_required' | 'two_factor_setup_required';
  @ApiProperty({ description: 'Valid for 5 minutes' })
  challengeToken: string;
}

export class TwoFactorSetupDto {
  @ApiProperty({ description: 'Base32 secret for the authenticator app' })
  secret: string;
  @ApiProperty()
  otpauthUrl: string;
}
