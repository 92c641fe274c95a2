'use strict';
// Differential corpus for util.MIMEType / util.MIMEParams: parsing
// (whitespace, case, quoting, invalid parameters), serialization, setters
// and their MIME syntax errors.

const { MIMEType, MIMEParams, inspect } = require('util');

const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

function describe(mime) {
  return [mime.type, mime.subtype, mime.essence, String(mime),
    String(mime.params), [...mime.params], JSON.stringify(mime)];
}

function parseCases() {
  const inputs = [
    'text/html', ' Text/HTML ; Charset="utf-8" ; a=b', 'text/html;charset=',
    'text/html;;x=1', 'a/b;x="a\\"b";y=1', 'a/b;x="unterminated', 'a/b;x=a b',
    'a/b;x=1;x=2', 'a/b;X=1', 'a/b; x = 1', 'a/b;x', 'a/b;=1', 'text', '/html',
    'text/', 't e/x', 'text/h\u00e9', 'a/b;x=\u00e9', 'a/b;x="\u00e9"',
    'a/b;x=""', 'a/b;x="a;b"', '\t a/b \t', 'a/b\n', 'a/b;x="a\\',
    'a/b;x="q"junk;y=2', '', 'a/b;k\u00e9=1', 'a/b;x=\u0100', 'A/B;Y="Z"',
    'a/b ;x=1', 'a/b\t;x=1', 'a /b', 'a/ b', 'a/b c', 'a/b;x="\\\\"',
    'a/b;x=\t1\t', 'a/b;x="1"\t;y=2', 'a/b;x=1;;;y=2;', 'a/b;\u00e9',
    '*/*', 'a/b+c', 'application/vnd.api+json; charset=UTF-8',
    'multipart/form-data; boundary=----abc', 'a/b;x="",y=1', 'a/b;x=(1)',
    'a/b;x=a@b', 'a/b;x=[1]', 'a/b;x="\u007f"', 'a/b;x=\u0000',
    'a/b;x="q"zj=1', 'a/b;x="q";;y=1', 'a/b;x="q" y=1', 'a/b;x="q"', 'a/b;x="q',
  ];
  inputs.forEach((input, i) => {
    emit(`parse ${i} ${JSON.stringify(input)}`,
         attempt(() => describe(new MIMEType(input))));
  });
  const others = [5, null, undefined, { toString: () => 'a/b;c=d' }, ['x/y']];
  others.forEach((value, i) => {
    emit(`parse value ${i}`, attempt(() => describe(new MIMEType(value))));
  });
}

function setterCases() {
  const types = ['Image', 'bad type', '', 'x\u00e9', 'a/b', 'ok+xml', 5];
  types.forEach((value, i) => {
    emit(`set type ${i}`, attempt(() => {
      const mime = new MIMEType('text/plain;a=1');
      mime.type = value;
      return String(mime);
    }));
    emit(`set subtype ${i}`, attempt(() => {
      const mime = new MIMEType('text/plain;a=1');
      mime.subtype = value;
      return String(mime);
    }));
  });
  const params = [['B', 'x y'], ['c', '\u00e9'], ['b c', '1'], ['d', '\u0100'],
    ['', 'v'], ['e', ''], ['f', 'a"b\\c'], ['G', 'plain'], ['h', 5], [7, 'n'],
    ['i', '\t'], ['j', '\n']];
  params.forEach(([name, value], i) => {
    emit(`params set ${i}`, attempt(() => {
      const mime = new MIMEType('text/plain;a=1');
      mime.params.set(name, value);
      return [String(mime), mime.params.has(name), mime.params.get(name)];
    }));
  });
  emit('params ops', attempt(() => {
    const p = new MIMEType('a/b;x=1;y=2;z=3').params;
    p.delete('y');
    p.set('x', 'new');
    return [p.has('y'), p.get('x'), p.get('none'), [...p.keys()],
      [...p.values()], [...p.entries()], String(p), JSON.stringify(p)];
  }));
  emit('params new', attempt(() => {
    const p = new MIMEParams();
    p.set('q', '');
    return [String(p), [...p]];
  }));
}

function surfaceCases() {
  emit('mime proto', Object.getOwnPropertyNames(MIMEType.prototype));
  emit('params proto', Object.getOwnPropertyNames(MIMEParams.prototype));
  emit('own keys', Object.keys(new MIMEType('a/b')));
  emit('inspect', [inspect(new MIMEType('a/b;x=1')), inspect(new MIMEParams())]);
  emit('call without new', attempt(() => MIMEType('a/b')));
  emit('iterator is entries', MIMEParams.prototype[Symbol.iterator] ===
    MIMEParams.prototype.entries);
}

parseCases();
setterCases();
surfaceCases();
