import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CategoriesService, CategoryDto } from '@kontor/listings';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class ListingsCategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** The category tree for browsing and search filters. */
  @Get()
  list(): Promise<CategoryDto[]> {
    return this.categories.list();
  }
}
