// WebSocket and EventSource, the clients Node 20 has behind
// --experimental-websocket and --experimental-eventsource: a child started
// with and without the flags, talking to a WebSocket server written here on
// raw net (the RFC 6455 handshake with crypto's sha1, masked client frames,
// a ping, a 70 000-byte message, the closing handshake) and to an
// event-stream server that drops the connection once to see the client
// reconnect with Last-Event-ID. Under plain node the same checks run on node.
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-fetch-ws-'));

const child = String.raw`
'use strict';
const net = require('net');
const crypto = require('crypto');
const out = [];
const log = (...a) => out.push(a);

function frame(opcode, payload) {
  const data = Buffer.from(payload);
  let head;
  if (data.length < 126) head = Buffer.from([0x80 | opcode, data.length]);
  else if (data.length < 65536) {
    head = Buffer.alloc(4); head[0] = 0x80 | opcode; head[1] = 126; head.writeUInt16BE(data.length, 2);
  } else {
    head = Buffer.alloc(10); head[0] = 0x80 | opcode; head[1] = 127; head.writeBigUInt64BE(BigInt(data.length), 2);
  }
  return Buffer.concat([head, data]);
}

// Client frames as { opcode, payload } from the bytes so far (null: wait).
function readFrame(buf) {
  if (buf.length < 2) return null;
  const opcode = buf[0] & 0x0f;
  if (!(buf[1] & 0x80)) throw new Error('client frame not masked');
  let len = buf[1] & 0x7f;
  let at = 2;
  if (len === 126) { if (buf.length < 4) return null; len = buf.readUInt16BE(2); at = 4; }
  else if (len === 127) { if (buf.length < 10) return null; len = Number(buf.readBigUInt64BE(2)); at = 10; }
  if (buf.length < at + 4 + len) return null;
  const mask = buf.subarray(at, at + 4);
  const payload = Buffer.from(buf.subarray(at + 4, at + 4 + len));
  for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
  return { opcode, payload, used: at + 4 + len };
}

function wsServer() {
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    let open = false;
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (!open) {
        const end = buf.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buf.toString('latin1', 0, end).split('\r\n');
        buf = buf.subarray(end + 4);
        const h = {};
        for (const line of head.slice(1)) {
          const i = line.indexOf(':');
          h[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
        }
        log('handshake', head[0], h.upgrade, h.connection, h['sec-websocket-version'], h['sec-websocket-protocol']);
        const accept = crypto.createHash('sha1')
          .update(h['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
        socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Accept: ' + accept + '\r\nSec-WebSocket-Protocol: chat\r\n\r\n');
        open = true;
        socket.write(frame(0x9, 'are you there'));
      }
      for (let f; (f = readFrame(buf)) !== null;) {
        buf = buf.subarray(f.used);
        if (f.opcode === 0xA) log('server got pong', f.payload.toString());
        else if (f.opcode === 0x8) {
          log('server got close', f.payload.readUInt16BE(0), f.payload.subarray(2).toString());
          socket.end(frame(0x8, f.payload));
        } else {
          socket.write(frame(f.opcode, f.payload));
        }
      }
    });
  });
  return server;
}

function websocketCase(port) {
  return new Promise((resolve) => {
    const ws = new WebSocket('ws://127.0.0.1:' + port + '/path?q=1', ['chat', 'other']);
    log('initial', ws.readyState, ws.url, ws.binaryType, ws.protocol, ws.bufferedAmount);
    ws.binaryType = 'arraybuffer';
    const got = [];
    ws.addEventListener('open', () => {
      log('open', ws.readyState, ws.protocol, ws.extensions);
      ws.send('hello');
      ws.send(new Uint8Array([1, 2, 3]));
      ws.send('x'.repeat(70000));
      ws.send(new Blob(['blob!']));
    });
    ws.onmessage = (e) => {
      const d = e.data;
      got.push(typeof d === 'string' ? (d.length > 20 ? 'string ' + d.length : d) : d.constructor.name + ' ' + Buffer.from(d).toString('hex'));
      if (got.length === 4) {
        log('messages', got, e.constructor.name, e.origin, e instanceof MessageEvent);
        ws.close(1000, 'done');
        log('closing', ws.readyState);
      }
    };
    ws.onerror = (e) => log('error', e.message);
    ws.onclose = (e) => {
      log('close', e.constructor.name, e.code, e.reason, e.wasClean, ws.readyState);
      resolve();
    };
  });
}

function websocketRefused(port) {
  return new Promise((resolve) => {
    const ws = new WebSocket('ws://127.0.0.1:' + port + '/');
    // Node 20's client reports the failure with 'error' only (no 'close').
    ws.onerror = (e) => {
      log('refused error', e.constructor.name, e.type, ws.readyState);
      setTimeout(resolve, 20);
    };
    ws.onclose = (e) => log('refused close', e.code, e.wasClean);
  });
}

function websocketArgs() {
  for (const args of [['http://127.0.0.1/'], ['ws://x/#frag'], ['ws://x/', ['a', 'a']], ['not a url'], ['ws://x/', 'bad proto,']]) {
    try { new WebSocket(...args).close(); log('args ok', args); } catch (e) { log('args', args, e.name, e.message); }
  }
}

function eventSourceCase() {
  let connection = 0;
  const server = net.createServer((socket) => {
    connection++;
    socket.once('data', (d) => {
      const head = d.toString('latin1');
      const last = /last-event-id: (.*)\r\n/i.exec(head);
      const accept = /accept: (.*)\r\n/i.exec(head);
      log('es request', connection, head.split('\r\n')[0], accept && accept[1], last && last[1]);
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n');
      if (connection === 1) {
        socket.end('retry: 10\n: a comment\ndata: one\n\nevent: custom\ndata: two\ndata: lines\nid: 7\n\n');
      } else {
        socket.write('data: three\n\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const es = new EventSource('http://127.0.0.1:' + server.address().port + '/events');
    log('es initial', es.readyState, es.withCredentials, EventSource.CONNECTING, EventSource.OPEN, EventSource.CLOSED);
    es.onopen = () => log('es open', es.readyState);
    es.onmessage = (e) => {
      log('es message', e.data, e.lastEventId, e.type);
      if (e.data === 'three') {
        es.close();
        log('es closed', es.readyState);
        server.close();
        resolve();
      }
    };
    es.addEventListener('custom', (e) => log('es custom', e.data, e.lastEventId));
    es.onerror = () => log('es error', es.readyState);
  }));
}

(async () => {
  log('globals', typeof WebSocket, typeof EventSource, typeof CloseEvent);
  const server = wsServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  await websocketCase(server.address().port);
  server.close();
  const closed = net.createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  const port = closed.address().port;
  await new Promise((r) => closed.close(r));
  await websocketRefused(port);
  websocketArgs();
  await eventSourceCase();
  console.log(JSON.stringify(out));
})();
`;

const file = path.join(dir, 'child.js');
fs.writeFileSync(file, child);

function run(args) {
  const r = spawnSync(process.execPath, [...args, file], { encoding: 'utf8', timeout: 20000 });
  assert.strictEqual(r.status, 0, r.stderr);
  return r;
}

try {
  // Without the flags there is no WebSocket or EventSource, as in Node 20.
  const plain = spawnSync(process.execPath, ['-p', 'typeof WebSocket + " " + typeof EventSource + " " + typeof fetch'],
    { encoding: 'utf8' });
  assert.strictEqual(plain.stdout.trim(), 'undefined undefined function', plain.stderr);
  const noFetch = spawnSync(process.execPath, ['--no-experimental-fetch', '-p',
    '[typeof fetch, typeof Request, typeof Response, typeof Headers, typeof FormData].join()'], { encoding: 'utf8' });
  assert.strictEqual(noFetch.stdout.trim(), 'undefined,undefined,undefined,undefined,undefined', noFetch.stderr);
  const desc = spawnSync(process.execPath, ['--experimental-websocket', '-p',
    'const d = Object.getOwnPropertyDescriptor(globalThis, "WebSocket"); [d.get.name, d.enumerable, d.configurable].join()'],
  { encoding: 'utf8' });
  assert.strictEqual(desc.stdout.trim(), 'get WebSocket,false,true', desc.stderr);

  const r = run(['--experimental-websocket', '--experimental-eventsource']);
  const rows = JSON.parse(r.stdout.trim().split('\n').pop());
  const text = rows.map((row) => JSON.stringify(row).replace(/127\.0\.0\.1:\d+/g, 'HOST')).join('\n');
  const expected = [
    ['globals', 'function', 'function', 'undefined'],
    ['initial', 0, 'ws://HOST/path?q=1', 'blob', '', 0],
    ['handshake', 'GET /path?q=1 HTTP/1.1', 'websocket', 'upgrade', '13', 'chat, other'],
    ['server got pong', 'are you there'],
    ['open', 1, 'chat', ''],
    // (undici's own MessageEvent, not the global one, in Node 20 too.)
    ['messages', ['hello', 'ArrayBuffer 010203', 'string 70000', 'ArrayBuffer 626c6f6221'], 'MessageEvent', 'ws://HOST', false],
    ['closing', 2],
    ['server got close', 1000, 'done'],
    ['close', 'CloseEvent', 1000, 'done', true, 3],
    // (undici 6 leaves readyState at CONNECTING here, as Node 20 shows.)
    ['refused error', 'ErrorEvent', 'error', 0],
    ['args ok', ['http://127.0.0.1/']],
    ['args', ['ws://x/#frag'], 'SyntaxError', 'Got fragment'],
    ['args', ['ws://x/', ['a', 'a']], 'SyntaxError', 'Invalid Sec-WebSocket-Protocol value'],
    ['args', ['not a url'], 'SyntaxError', 'TypeError: Invalid URL'],
    ['args', ['ws://x/', 'bad proto,'], 'SyntaxError', 'Invalid Sec-WebSocket-Protocol value'],
  ].map((row) => JSON.stringify(row));
  const lines = text.split('\n');
  for (const want of expected) {
    assert.ok(lines.includes(want), `missing ${want}\n--- got:\n${text}`);
  }
  // Order of the WebSocket's own events.
  const order = ['"initial"', '"open"', '"messages"', '"closing"', '"close"'].map((k) => lines.findIndex((l) => l.startsWith(`[${k}`)));
  assert.deepStrictEqual([...order].sort((a, b) => a - b), order, text);
  // EventSource: two messages, the custom event, the reconnect with the id.
  for (const want of [
    ['es initial', 0, false, 0, 1, 2],
    ['es request', 1, 'GET /events HTTP/1.1', 'text/event-stream', null],
    ['es open', 1],
    ['es message', 'one', '', 'message'],
    ['es custom', 'two\nlines', '7'],
    ['es error', 0],
    ['es request', 2, 'GET /events HTTP/1.1', 'text/event-stream', '7'],
    ['es message', 'three', '7', 'message'],
    ['es closed', 2],
  ].map((row) => JSON.stringify(row))) {
    assert.ok(lines.includes(want), `missing ${want}\n--- got:\n${text}`);
  }
  console.log('fetch_websocket: ok');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
