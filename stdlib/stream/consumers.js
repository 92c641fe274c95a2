'use strict';
// node:stream/consumers: read a whole stream (a Node Readable, a web
// ReadableStream or any async iterable of chunks) into one value.

const { Blob, Buffer } = require('../buffer');
const { StringDecoder } = require('../string_decoder');

// Strings become their UTF-8 bytes; views are taken as the bytes they show.
function toBytes(chunk) {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (ArrayBuffer.isView(chunk)) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  if (chunk instanceof ArrayBuffer) return Buffer.from(chunk);
  return Buffer.from(chunk);
}

async function collect(stream) {
  const parts = [];
  for await (const chunk of stream) parts.push(toBytes(chunk));
  return parts;
}

async function buffer(stream) {
  return Buffer.concat(await collect(stream));
}

async function arrayBuffer(stream) {
  const whole = await buffer(stream);
  return whole.buffer.slice(whole.byteOffset,
                            whole.byteOffset + whole.byteLength);
}

async function blob(stream) {
  return new Blob(await collect(stream));
}

// Decodes as it reads, so a character split across chunks comes out whole;
// string chunks are kept as they are.
async function text(stream) {
  const decoder = new StringDecoder('utf8');
  let out = '';
  for await (const chunk of stream) {
    out += typeof chunk === 'string' ? chunk : decoder.write(toBytes(chunk));
  }
  return out + decoder.end();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, json, text };
