import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { CamerasRepository } from './cameras.repository';
import { PreviewController } from './preview.controller';
import { PreviewService } from './preview.service';

@Module({
  imports: [LinksModule],
  controllers: [PreviewController],
  providers: [CamerasRepository, PreviewService],
})
export class CamerasModule {}
