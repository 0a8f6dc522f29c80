import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ANY_MEMBER, CompanyActor, Roles } from '@kontor/platform';
import { ReviewInputDto, ReviewsService } from '@kontor/orders';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post('orders/:id/review')
  @Roles(...ANY_MEMBER)
  review(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewInputDto) {
    return this.reviews.review(actor, id, body);
  }

  @Get('suppliers/:id/reviews')
  ofSupplier(@Param('id', ParseUUIDPipe) id: string) {
    return this.reviews.ofSupplier(id);
  }
}
