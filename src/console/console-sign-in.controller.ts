import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { RequiresRole } from '../auth/admin-roles';
import { AppError } from '../common/app-error';
import { markCredentialFailed } from '../rate-limit/auth-failures';
import {
  assertSameOrigin,
  ConsoleAuthGuard,
  type ConsoleRequest,
  ConsoleSession,
  setSessionCookie,
} from './console-auth.guard';
import { ConsoleExceptionFilter } from './console-exception.filter';
import type { ConsoleSessionRecord } from './console-sessions.repository';
import { ConsoleSessionsService } from './console-sessions.service';
import { CsrfDto, SignInDto } from './console.dto';

/** Signing in to the console with an admin token, and out. Both are audit events. */
@ApiExcludeController()
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(AuditInterceptor)
@Controller('admin')
export class ConsoleSignInController {
  constructor(private readonly sessions: ConsoleSessionsService) {}

  @Get('sign-in')
  @Render('sign-in')
  signInPage(@Query('failed') failed: string | undefined): object {
    return { title: 'Sign in', failed: failed !== undefined };
  }

  @Post('sign-in')
  @HttpCode(303)
  @Redirect('/admin', 303)
  async signIn(
    @Body() body: SignInDto,
    @Req() request: ConsoleRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    assertSameOrigin(request);
    const signedIn = await this.sessions.signIn(body.token, new Date());
    if (typeof signedIn === 'string') {
      // A wrong token typed in is a failed credential like a 401 of the API: it spends the address's RATE_LIMIT_AUTH_FAILURES.
      markCredentialFailed(response);
      throw AppError.unauthenticated(signedIn);
    }
    request.admin = signedIn.admin;
    setSessionCookie(request, response, signedIn.secret);
  }

  @Post('sign-out')
  @UseGuards(ConsoleAuthGuard)
  @RequiresRole('auditor')
  @HttpCode(303)
  @Redirect('/admin/sign-in', 303)
  async signOut(
    @Body() _form: CsrfDto,
    @ConsoleSession() session: ConsoleSessionRecord,
    @Req() request: ConsoleRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.signOut(session);
    setSessionCookie(request, response, null);
  }
}
