// node:path: POSIX results as Node computes them, plus a win32 subset.
'use strict';

const assert = require('assert');
const path = require('path');

const { posix, win32 } = path;

assert.strictEqual(path, posix);
assert.strictEqual(path.sep, '/');
assert.strictEqual(path.delimiter, ':');

// join / normalize.
assert.strictEqual(posix.join('/a', 'b', '../c', './d'), '/a/c/d');
assert.strictEqual(posix.join('a', '', 'b/'), 'a/b/');
assert.strictEqual(posix.join(), '.');
assert.strictEqual(posix.join(''), '.');
assert.strictEqual(posix.normalize('/a//b/../c/.'), '/a/c');
assert.strictEqual(posix.normalize('../../a/'), '../../a/');
assert.strictEqual(posix.normalize('./'), './');
assert.strictEqual(posix.normalize('//'), '/');
assert.strictEqual(posix.normalize('a/..'), '.');

// resolve / relative / isAbsolute.
assert.strictEqual(posix.resolve('/a/b', './c'), '/a/b/c');
assert.strictEqual(posix.resolve('/a/b', '/c', 'd'), '/c/d');
assert.strictEqual(posix.resolve('x'), posix.join(process.cwd(), 'x'));
assert.strictEqual(posix.resolve(), process.cwd());
assert.strictEqual(posix.relative('/a/b/c', '/a/d'), '../../d');
assert.strictEqual(posix.relative('/a', '/a/b/c'), 'b/c');
assert.strictEqual(posix.relative('/a/bc', '/a/b'), '../b');
assert.strictEqual(posix.relative('/', '/x'), 'x');
assert.strictEqual(posix.relative('/same', '/same'), '');
assert.strictEqual(posix.isAbsolute('/x'), true);
assert.strictEqual(posix.isAbsolute('x/'), false);

// dirname / basename / extname.
assert.strictEqual(posix.dirname('/a/b/c'), '/a/b');
assert.strictEqual(posix.dirname('/a/b/'), '/a');
assert.strictEqual(posix.dirname('a'), '.');
assert.strictEqual(posix.dirname('/'), '/');
assert.strictEqual(posix.dirname('//a'), '//');
assert.strictEqual(posix.basename('/a/b.txt'), 'b.txt');
assert.strictEqual(posix.basename('/a/b.txt', '.txt'), 'b');
assert.strictEqual(posix.basename('/a/b.txt/'), 'b.txt');
assert.strictEqual(posix.basename('.txt', '.txt'), '');
assert.strictEqual(posix.basename('/a/.txt', '.txt'), '.txt');
assert.strictEqual(posix.basename('//', 'x'), '//');
assert.strictEqual(posix.extname('index.html'), '.html');
assert.strictEqual(posix.extname('index.coffee.md'), '.md');
assert.strictEqual(posix.extname('index.'), '.');
assert.strictEqual(posix.extname('.index'), '');
assert.strictEqual(posix.extname('..'), '');
assert.strictEqual(posix.extname('a/b.c/'), '.c');

// parse / format.
assert.deepStrictEqual(posix.parse('/home/user/dir/file.txt'),
                       { root: '/', dir: '/home/user/dir', base: 'file.txt', ext: '.txt', name: 'file' });
assert.deepStrictEqual(posix.parse('./x'), { root: '', dir: '.', base: 'x', ext: '', name: 'x' });
assert.deepStrictEqual(posix.parse('/'), { root: '/', dir: '/', base: '', ext: '', name: '' });
assert.deepStrictEqual(posix.parse(''), { root: '', dir: '', base: '', ext: '', name: '' });
assert.strictEqual(posix.format({ root: '/', dir: '/home', base: 'f.txt' }), '/home/f.txt');
assert.strictEqual(posix.format({ root: '/', name: 'f', ext: 'txt' }), '/f.txt');
assert.strictEqual(posix.format({ dir: 'a', name: 'b', ext: '.c' }), 'a/b.c');
assert.strictEqual(posix.toNamespacedPath('/a'), '/a');

// Argument validation.
assert.throws(() => posix.join('a', null), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string. Received null',
});
assert.throws(() => posix.resolve('a', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "paths[1]" argument must be of type string. Received type number (1)',
});
assert.throws(() => posix.relative('a', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "to" argument must be of type string. Received an instance of Object',
});
assert.throws(() => posix.format(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "pathObject" argument must be of type object. Received null',
});

// win32.
assert.strictEqual(win32.sep, '\\');
assert.strictEqual(win32.delimiter, ';');
assert.strictEqual(win32.join('C:\\a', 'b', '..', 'c'), 'C:\\a\\c');
assert.strictEqual(win32.join('a/b', 'c'), 'a\\b\\c');
assert.strictEqual(win32.normalize('C:/a//b/../c'), 'C:\\a\\c');
assert.strictEqual(win32.normalize('\\\\server\\share\\x\\..'), '\\\\server\\share\\');
assert.strictEqual(win32.isAbsolute('C:\\x'), true);
assert.strictEqual(win32.isAbsolute('C:x'), false);
assert.strictEqual(win32.isAbsolute('\\\\server'), true);
assert.strictEqual(win32.resolve('C:\\a', 'b'), 'C:\\a\\b');
assert.strictEqual(win32.resolve('C:\\a', 'D:\\b'), 'D:\\b');
assert.strictEqual(win32.relative('C:\\a\\b', 'C:\\a\\c'), '..\\c');
assert.strictEqual(win32.dirname('C:\\a\\b'), 'C:\\a');
assert.strictEqual(win32.dirname('C:\\'), 'C:\\');
assert.strictEqual(win32.basename('C:\\a\\b.txt', '.txt'), 'b');
assert.strictEqual(win32.basename('C:b.txt'), 'b.txt');
assert.strictEqual(win32.extname('C:\\a\\b.txt'), '.txt');
assert.deepStrictEqual(win32.parse('C:\\path\\dir\\file.txt'),
                       { root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt', ext: '.txt', name: 'file' });
assert.deepStrictEqual(win32.parse('\\\\server\\share\\f'),
                       { root: '\\\\server\\share\\', dir: '\\\\server\\share\\', base: 'f', ext: '', name: 'f' });
assert.strictEqual(win32.format({ dir: 'C:\\x', base: 'y' }), 'C:\\x\\y');
assert.strictEqual(win32.toNamespacedPath('C:\\a'), '\\\\?\\C:\\a');
assert.strictEqual(win32.toNamespacedPath('\\\\server\\share\\a'), '\\\\?\\UNC\\server\\share\\a');
assert.strictEqual(posix.win32, win32);
assert.strictEqual(win32.posix, posix);
