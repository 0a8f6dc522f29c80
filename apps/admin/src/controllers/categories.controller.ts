import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CategoriesService, CategoryDto, CreateCategoryDto, UpdateCategoryDto } from '@kontor/listings';
import { OperatorRoles } from '@kontor/platform';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @OperatorRoles('moderator')
  list(): Promise<CategoryDto[]> {
    return this.categories.list();
  }

  @Post()
  @OperatorRoles('moderator')
  create(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(body);
  }

  @Patch(':id')
  @OperatorRoles('moderator')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCategoryDto): Promise<CategoryDto> {
    return this.categories.update(id, body);
  }
}
