import { Controller, Get, Inject, Redirect, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { join } from 'node:path';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/** The README beside package.json, in a checkout and in the image alike. */
const README = join(__dirname, '..', '..', 'README.md');

/**
 * What a newcomer who opens camlinks' address finds: `/` leads to a page that points to the
 * API docs, the console and the README, instead of a 404.
 */
@ApiExcludeController()
@Controller()
export class LandingController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Redirect('/welcome', 302)
  root(): void {}

  @Get('welcome')
  @Render('welcome')
  welcome(): object {
    return { swagger: this.config.swaggerEnabled };
  }

  @Get('readme')
  readme(@Res() response: Response): void {
    response.type('text/plain; charset=utf-8').sendFile(README);
  }
}
