#!/usr/bin/env node
// Downloads the URL given (with AUTHORIZATION from the environment as its header) and prints
// {"status", "bytes", "rows"}. bench/scale.js runs it as a process of its own, so that receiving
// a 339 MB export does not delay the load generator's timings, which share its event loop.
const [url] = process.argv.slice(2);

async function main() {
  const res = await fetch(url, { headers: { Authorization: process.env.AUTHORIZATION } });
  let bytes = 0;
  let rows = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows++;
  }
  process.stdout.write(JSON.stringify({ status: res.status, bytes, rows }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
