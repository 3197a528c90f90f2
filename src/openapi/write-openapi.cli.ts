import { writeFile } from 'node:fs/promises';
import { createDocumentApp, OPENAPI_FILE, renderOpenApiFile } from './openapi-file';

/** `npm run openapi:write`: regenerates openapi.json from the controllers and DTOs. */
async function main(): Promise<void> {
  // Routes and DTO metadata are known once the modules are created; no init, no listening.
  const app = await createDocumentApp();
  try {
    await writeFile(OPENAPI_FILE, renderOpenApiFile(app));
    console.log(`Wrote ${OPENAPI_FILE}`);
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  console.error(`Could not write openapi.json: ${error.stack ?? error.message}`);
  process.exit(1);
});
