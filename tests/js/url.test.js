// node:url and the URL / URLSearchParams globals: WHATWG parsing and
// setters, searchParams kept in sync with the URL, Node's errors and
// inspect output, file URLs, domains and the legacy parse/format/resolve.
'use strict';

const assert = require('assert');
const url = require('url');
const util = require('util');

// One class behind the global and the module export.
assert.strictEqual(url.URL, URL);
assert.strictEqual(url.URLSearchParams, URLSearchParams);
assert.strictEqual(require('node:url'), url);

// Parsing splits the href into its parts.
const u = new URL('https://user:pa@EX.com:8080/p/./a/../b?x=1#h');
assert.deepStrictEqual(
  [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname,
    u.port, u.pathname, u.search, u.hash],
  ['https://user:pa@ex.com:8080/p/b?x=1#h', 'https://ex.com:8080', 'https:',
    'user', 'pa', 'ex.com:8080', 'ex.com', '8080', '/p/b', '?x=1', '#h']);
assert.strictEqual(String(u), u.href);
assert.strictEqual(JSON.stringify({ u }), `{"u":"${u.href}"}`);

// IPv4 forms, IPv6, IDNA and default ports.
assert.strictEqual(new URL('http://0x7f.1/').hostname, '127.0.0.1');
assert.strictEqual(new URL('http://[0:0::1]:80/').host, '[::1]');
assert.strictEqual(new URL('http://bücher.de/').hostname, 'xn--bcher-kva.de');
assert.strictEqual(new URL('/a/../b?c#d', 'http://Ex.COM/z/').href, 'http://ex.com/b?c#d');
assert.strictEqual(new URL('blob:https://a.com/x').origin, 'https://a.com');
assert.strictEqual(new URL('sc:opaque').origin, 'null');

// Setters follow the WHATWG rules; bad values change nothing.
u.port = '99';
u.hostname = 'b.org';
u.protocol = 'http';
u.pathname = 'x y';
u.hash = 'z';
assert.strictEqual(u.href, 'http://user:pa@b.org:99/x%20y?x=1#z');
u.port = '-1';
u.protocol = 'mailto';
assert.strictEqual(u.href, 'http://user:pa@b.org:99/x%20y?x=1#z');
u.port = '';
assert.strictEqual(u.port, '');
assert.throws(() => { u.href = 'not a url'; }, { code: 'ERR_INVALID_URL', input: 'not a url' });

// searchParams and the query stay in sync both ways.
const params = u.searchParams;
assert.strictEqual(u.searchParams, params);
params.append('y', 'a b');
assert.strictEqual(u.search, '?x=1&y=a+b');
u.search = '?q=1&q=2';
assert.deepStrictEqual(params.getAll('q'), ['1', '2']);
params.delete('q');
assert.strictEqual(u.href, 'http://user:pa@b.org/x%20y#z');

// URLSearchParams on its own.
const p = new URLSearchParams('?b=1&a=2&b=0&%zz=%C3&+=%20');
assert.deepStrictEqual([...p], [['b', '1'], ['a', '2'], ['b', '0'], ['%zz', '\uFFFD'], [' ', ' ']]);
p.sort();
assert.strictEqual(p.toString(), '+=+&%25zz=%EF%BF%BD&a=2&b=1&b=0');
assert.strictEqual(p.size, 5);
assert.strictEqual(p.has('b', '0'), true);
p.delete('b', '0');
p.set('a', '~!');
assert.strictEqual(p.get('a'), '~!');
assert.strictEqual(p.get('none'), null);
assert.strictEqual(String(new URLSearchParams({ a: 1, b: [1, 2] })), 'a=1&b=1%2C2');
assert.strictEqual(String(new URLSearchParams([['x', 'y']])), 'x=y');
assert.throws(() => new URLSearchParams([['a']]), { code: 'ERR_INVALID_TUPLE' });
assert.throws(() => new URLSearchParams({ [Symbol.iterator]: 1 }), { code: 'ERR_ARG_NOT_ITERABLE' });
assert.throws(() => new URLSearchParams().append('a'), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => URLSearchParams.prototype.get.call({}, 'a'), { code: 'ERR_INVALID_THIS' });
assert.throws(() => new URLSearchParams().forEach(), { code: 'ERR_INVALID_ARG_TYPE' });

// Node's inspect output.
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2')), "URLSearchParams { 'a' => '1', 'b' => '2' }");
assert.strictEqual(util.inspect(new URLSearchParams('a=1').keys()), "URLSearchParams Iterator { 'a' }");
assert.strictEqual(util.inspect({ u: new URL('http://a/') }, { depth: 0 }), '{ u: URL {} }');
assert.match(util.inspect(new URL('http://a/')), /^URL \{\n {2}href: 'http:\/\/a\/',\n {2}origin: 'http:\/\/a',/);

// Errors carry Node's codes and properties.
assert.throws(() => new URL(), { code: 'ERR_MISSING_ARGS', name: 'TypeError' });
assert.throws(() => new URL('foo', 'bar'), (err) => err instanceof TypeError &&
  err.code === 'ERR_INVALID_URL' && err.input === 'foo' && err.base === 'bar' &&
  err.message === 'Invalid URL');
assert.throws(() => URL.prototype.href, /Receiver must be an instance of class URL/);
assert.strictEqual(URL.canParse('x'), false);
assert.strictEqual(URL.canParse('/x', 'http://a'), true);
assert.strictEqual(URL.parse('x'), null);

// File URLs.
assert.strictEqual(url.fileURLToPath('file:///a/b%20c'), '/a/b c');
assert.strictEqual(url.fileURLToPath(new URL('file://localhost/x')), '/x');
assert.throws(() => url.fileURLToPath('file://host/a'), { code: 'ERR_INVALID_FILE_URL_HOST' });
assert.throws(() => url.fileURLToPath('file:///a%2Fb'), { code: 'ERR_INVALID_FILE_URL_PATH' });
assert.throws(() => url.fileURLToPath('http://a/'), { code: 'ERR_INVALID_URL_SCHEME' });
assert.throws(() => url.fileURLToPath(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(url.pathToFileURL('/a b/%/\\\n\r\t#?~').href,
  'file:///a%20b/%25/%5C%0A%0D%09%23%3F%7E');
assert.strictEqual(url.pathToFileURL('/dir/').href, 'file:///dir/');
assert.strictEqual(url.fileURLToPath('file:///C:/a/b', { windows: true }), 'C:\\a\\b');

// Domains and http options.
assert.strictEqual(url.domainToASCII('español.com'), 'xn--espaol-zwa.com');
assert.strictEqual(url.domainToUnicode('xn--espaol-zwa.com'), 'español.com');
assert.strictEqual(url.domainToASCII('xn--iñvalid.com'), '');
assert.deepStrictEqual({ ...url.urlToHttpOptions(new URL('https://u:p@[::1]:8/p?q')) }, {
  protocol: 'https:', hostname: '::1', hash: '', search: '?q', pathname: '/p',
  path: '/p?q', href: 'https://u:p@[::1]:8/p?q', port: 8, auth: 'u:p',
});
assert.strictEqual(url.format(new URL('http://u:p@xn--espaol-zwa.com/p?q#h'),
  { unicode: true, auth: false, search: false, fragment: false }), 'http://español.com/p');

// Legacy url.parse: fields, lowercasing, punycode, escaping, the query.
const legacy = url.parse('HTTP://user:pw@Host.com:8080/p/a t/h?query=string#hash', true);
assert.ok(legacy instanceof url.Url);
assert.deepStrictEqual(Object.keys(legacy), ['protocol', 'slashes', 'auth', 'host',
  'port', 'hostname', 'hash', 'search', 'query', 'pathname', 'path', 'href']);
assert.strictEqual(legacy.href, 'http://user:pw@host.com:8080/p/a%20t/h?query=string#hash');
assert.deepStrictEqual({ ...legacy.query }, { query: 'string' });
assert.strictEqual(url.parse('http://é.com/').hostname, 'xn--9ca.com');
assert.strictEqual(url.parse('http://[::1]:80/x').hostname, '::1');
assert.strictEqual(url.parse('javascript:alert(1) x').pathname, 'alert(1) x');
assert.strictEqual(url.parse('//a/b', false, true).host, 'a');
assert.throws(() => url.parse(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => url.parse('http://[::1/x'), { code: 'ERR_INVALID_URL' });

// Legacy format and resolve.
assert.strictEqual(url.format({ protocol: 'http', host: 'a.com', pathname: 'x', query: { a: 1 } }),
  'http://a.com/x?a=1');
assert.strictEqual(url.format({ protocol: 'https', hostname: '::1', port: 8 }), 'https://[::1]:8');
assert.throws(() => url.format(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(url.resolve('http://a/b/c/d;p?q', '../g'), 'http://a/b/g');
assert.strictEqual(url.resolve('/one/two/three', 'four'), '/one/two/four');
assert.strictEqual(url.resolve('http://example.com/one', '/two'), 'http://example.com/two');
assert.strictEqual(url.resolve('mailto:a@b.com', 'x'), 'mailto:a@x');
assert.strictEqual(url.parse('http://a/b').resolveObject('c?d').href, 'http://a/c?d');

// URL.canParse agrees with new URL for characters U+0080..U+00FF, also once
// its caller is hot (Node 20's optimized canParse answers false there).
for (let i = 0; i < 20000; i++) {
  if (!URL.canParse('g.', 'https://é.com/ü/')) {
    assert.fail(`canParse('g.', 'https://é.com/ü/') was false at call ${i}`);
  }
}
assert.strictEqual(new URL('g.', 'https://é.com/ü/').href, 'https://xn--9ca.com/%C3%BC/g.');
