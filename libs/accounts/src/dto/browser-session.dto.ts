import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import { Optional } from '@kontor/platform';

/** Refresh or sign-out: the token in the body (API clients), or absent to use the browser's refresh cookie. */
export class SessionRefreshDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'The refresh token. Omit it to use the httpOnly refresh cookie set at sign-in; that request must send the header `X-Kontor-CSRF: 1`.',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ maxLength: 254, example: 'jane@acme.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the reset link', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200)
  password: string;
}

export class EmailVerificationConfirmDto {
  @ApiProperty({ description: 'The token from the verification link', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

/** The answer to a reset request: the same whether or not the address belongs to an account. */
export class PasswordResetRequestedDto {
  @ApiProperty({ enum: ['requested'] })
  status: 'requested';
}
