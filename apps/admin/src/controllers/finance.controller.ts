import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OperatorRoles } from '@kontor/platform';
import { FinanceReportQuery, FinanceReports, Ledger } from '@kontor/settlement';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance')
export class FinanceController {
  constructor(
    private readonly reports: FinanceReports,
    private readonly ledger: Ledger,
  ) {}

  @Get('overview')
  @OperatorRoles('finance')
  overview(@Query() query: FinanceReportQuery) {
    return this.reports.overview(query);
  }

  @Get('report.csv')
  @OperatorRoles('finance')
  @Header('content-type', 'text/csv; charset=utf-8')
  csv(@Query() query: FinanceReportQuery) {
    return this.reports.csv(query);
  }

  @Get('ledger/check')
  @OperatorRoles('finance')
  check() {
    return this.ledger.check();
  }
}
