import express from 'express';
import { once } from 'node:events';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { accessLog } from './access-log';

describe('access log', () => {
  let server: Server;
  let lines: { level: number; msg: string; res: { statusCode: number | null } }[];
  let answer: (() => void) | undefined;

  beforeEach(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const app = express();
    app.use(accessLog(pino({ level: 'debug' }, sink)));
    app.get('/slow', (_req, res) => {
      answer = () => res.status(200).end('late');
    });
    app.get('/broken', (_req, res) => {
      res.status(500).end();
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterEach(() => new Promise((done) => server.close(done)));

  const get = (path: string) => request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path });
  const lineWritten = async () => {
    for (let i = 0; i < 100 && !lines.length; i++) await new Promise((r) => setTimeout(r, 10));
    return lines[0];
  };

  it('logs a request its client gave up on as a warning, not an error (nothing failed on this side)', async () => {
    const req = get('/slow');
    req.on('error', () => undefined);
    req.end();
    for (let i = 0; i < 100 && !answer; i++) await new Promise((r) => setTimeout(r, 10));
    req.destroy();
    const line = await lineWritten();
    expect({ level: pino.levels.labels[line.level], msg: line.msg, status: line.res.statusCode }).toEqual({
      level: 'warn',
      msg: 'request aborted by the client',
      status: null,
    });
    answer?.();
  });

  it('logs a 500 as an error', async () => {
    const req = get('/broken');
    req.end();
    const [res] = await once(req, 'response');
    res.resume();
    const line = await lineWritten();
    expect({ level: pino.levels.labels[line.level], status: line.res.statusCode }).toEqual({
      level: 'error',
      status: 500,
    });
  });
});
