import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional, PageQuery } from '@kontor/platform';

export class InvoiceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['issued', 'paid', 'void', 'overdue'] })
  @Optional()
  @IsIn(['issued', 'paid', 'void', 'overdue'])
  status?: 'issued' | 'paid' | 'void' | 'overdue';

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  buyerCompanyId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  supplierCompanyId?: string;
}

export class OwnInvoiceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['issued', 'paid', 'void', 'overdue'] })
  @Optional()
  @IsIn(['issued', 'paid', 'void', 'overdue'])
  status?: 'issued' | 'paid' | 'void' | 'overdue';
}

export class MarkInvoicePaidDto {
  @ApiPropertyOptional({ description: 'When the transfer arrived (ISO 8601); defaults to now' })
  @Optional()
  @IsDateString()
  paidAt?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Bank reference' })
  @Optional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class ReconciliationImportDto {
  @ApiProperty({ description: 'CSV with header invoice_number,amount[,paid_at][,reference]; amount in minor units', maxLength: 2_000_000 })
  @IsString()
  @MaxLength(2_000_000)
  csv: string;
}

export class PayoutListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'paid', 'failed'] })
  @Optional()
  @IsIn(['pending', 'paid', 'failed'])
  status?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  supplierCompanyId?: string;
}

export class MarkPayoutPaidDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class FinanceReportQuery {
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive; default one year before `to`' })
  @Optional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive; default now' })
  @Optional()
  @IsDateString()
  to?: string;

  @ApiPropertyOptional({ enum: ['period', 'supplier', 'category'] })
  @Optional()
  @IsIn(['period', 'supplier', 'category'])
  groupBy?: 'period' | 'supplier' | 'category';

  @ApiPropertyOptional({ enum: ['day', 'month'] })
  @Optional()
  @IsIn(['day', 'month'])
  period?: 'day' | 'month';
}

export class SettlementRunDto {
  @ApiPropertyOptional({ description: 'Settle only this supplier' })
  @Optional()
  @IsUUID()
  supplierCompanyId?: string;
}
