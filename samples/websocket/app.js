'use strict';
// WebSocket servers from npm in one process, each with its own client:
// - ws: a server with permessage-deflate echoes text, binary, a 256 KiB
//   message (many reads, compressed) and a ping, then closes with a code;
// - socket.io: a server on node:http answers events with acknowledgements
//   and a room broadcast to a socket.io-client that starts on HTTP long
//   polling and upgrades to a WebSocket.
// Every step waits for the one before, so the output order is fixed.
const http = require('http');
const { once } = require('events');
const { WebSocketServer, WebSocket } = require('ws');
const { Server } = require('socket.io');
const { io } = require('socket.io-client');

function digest(bytes) {
  let sum = 0;
  for (const b of bytes) sum = (sum * 31 + b) >>> 0;
  return sum.toString(16);
}

async function wsEcho() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: true });
  await once(wss, 'listening');
  let serverClosed;
  wss.on('connection', (socket, req) => {
    console.log(`ws server: connection to ${req.url}, extensions=${socket.extensions}`);
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    serverClosed = once(socket, 'close');
  });
  const client = new WebSocket(`ws://127.0.0.1:${wss.address().port}/echo`);
  await once(client, 'open');
  const next = () => once(client, 'message');
  client.send('hello, ünïcödé ✓');
  let [data, isBinary] = await next();
  console.log(`ws client: text ${isBinary ? 'binary' : 'text'} ${data.toString()}`);
  client.send(Buffer.from([1, 2, 3, 250]));
  [data, isBinary] = await next();
  console.log(`ws client: binary ${isBinary} [${[...data]}]`);
  const big = Buffer.alloc(256 * 1024);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 251;
  client.send(big);
  [data] = await next();
  console.log(`ws client: big ${data.length} bytes, digest ${digest(data)} (sent ${digest(big)})`);
  client.ping('are-you-there');
  const [pong] = await once(client, 'pong');
  console.log(`ws client: pong ${pong}`);
  client.close(4001, 'done');
  const [code, reason] = await once(client, 'close');
  console.log(`ws client: closed ${code} ${reason}`);
  const [serverCode, serverReason] = await serverClosed;
  console.log(`ws server: closed ${serverCode} ${serverReason}`);
  await new Promise((resolve) => wss.close(resolve));
}

async function socketIoEcho() {
  const server = http.createServer();
  const ioServer = new Server(server);
  let serverGone;
  const serverDisconnect = new Promise((resolve) => {
    serverGone = resolve;
  });
  ioServer.on('connection', (socket) => {
    console.log(`socket.io server: connection over ${socket.conn.transport.name}`);
    socket.join('lobby');
    socket.on('echo', (payload, ack) => ack({ echoed: payload }));
    socket.on('shout', (text) => ioServer.to('lobby').emit('news', text.toUpperCase()));
    socket.on('disconnect', serverGone);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = io(`http://127.0.0.1:${server.address().port}`, {
    transports: ['polling', 'websocket'],
    reconnection: false,
  });
  const upgraded = once(client.io, 'open').then(() => once(client.io.engine, 'upgrade'));
  await once(client, 'connect');
  const [transport] = await upgraded;
  console.log(`socket.io client: upgraded to ${transport.name}`);
  const reply = await client.emitWithAck('echo', { n: 1, list: ['a', 'b'] });
  console.log(`socket.io client: ack ${JSON.stringify(reply)}`);
  const news = once(client, 'news');
  client.emit('shout', 'hi lobby');
  console.log(`socket.io client: news ${(await news)[0]}`);
  const gone = once(client, 'disconnect');
  client.disconnect();
  console.log(`socket.io client: disconnect (${(await gone)[0]})`);
  console.log(`socket.io server: disconnect (${await serverDisconnect})`);
  await new Promise((resolve) => ioServer.close(resolve));
}

async function main() {
  await wsEcho();
  await socketIoEcho();
  console.log('done');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
