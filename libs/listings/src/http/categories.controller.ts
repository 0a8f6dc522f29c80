import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CategoriesService } from '../categories.service';
import { CategoryDto } from '../dto/category.dto';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** The category tree, in path order, with suggested attributes per category. */
  @Get()
  list(): Promise<CategoryDto[]> {
    return this.categories.list();
  }
}
