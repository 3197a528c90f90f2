import { AppError, ErrorCode } from '../common/app-error';
import { Prisma } from '../generated/prisma/client';

/**
 * The one place Prisma's error codes become camlinks errors. Repositories let these errors
 * through; the global filter asks here before treating an error as unexpected.
 */
export function fromPrismaError(error: unknown): AppError | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  switch (error.code) {
    case 'P2002':
      return new AppError(ErrorCode.Conflict, `A record with the same ${uniqueFields(error)} already exists.`);
    case 'P2003':
      return new AppError(ErrorCode.Conflict, 'The record is still referenced by other records.');
    case 'P2025':
      return new AppError(ErrorCode.NotFound, 'Record not found.');
    default:
      return undefined;
  }
}

function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string {
  const target = (error.meta?.target ?? (error.meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } })?.cause?.constraint?.fields) as string[] | string | undefined;
  if (!target) return 'value';
  return (Array.isArray(target) ? target : [target]).map((field) => field.replace(/"/g, '')).join(', ');
}
