// Differential corpus for EventTarget, Event, CustomEvent, AbortController,
// AbortSignal and DOMException: dispatch order, listener options, errors,
// inspect output, abort reasons and the max-listeners warning.
'use strict';

const util = require('util');
const events = require('events');

let n = 0;
function out(label, value) {
  console.log(JSON.stringify([`${n++} ${label}`, value]));
}
function show(value) {
  return util.inspect(value, { depth: 3 }).replace(/timeStamp: [\d.e+-]+/g,
                                                   'timeStamp: T');
}
function record(label, compute) {
  let result;
  try {
    result = `ok ${show(compute())}`;
  } catch (e) {
    result = `THROWS ${e.name} ${e.code} ${e.message}`;
  }
  out(label, result);
}

function shapes() {
  record('Event proto', () => Object.getOwnPropertyNames(Event.prototype));
  record('EventTarget proto',
         () => Object.getOwnPropertyNames(EventTarget.prototype));
  record('AbortSignal proto',
         () => Object.getOwnPropertyNames(AbortSignal.prototype));
  record('AbortSignal statics', () => Object.getOwnPropertyNames(AbortSignal));
  record('Event phases', () => [Event.NONE, Event.CAPTURING_PHASE,
    Event.AT_TARGET, Event.BUBBLING_PHASE, new Event('x').AT_TARGET]);
  record('DOMException proto',
         () => Object.getOwnPropertyNames(DOMException.prototype));
  record('toStringTags', () => [new Event('x'), new EventTarget(),
    new AbortController(), AbortSignal.abort(), new DOMException('x'),
    new CustomEvent('c')].map((v) => Object.prototype.toString.call(v)));
}

function eventObjects() {
  const options = [undefined, null, {}, { cancelable: true },
    { bubbles: true, composed: true }, { detail: 5 }, 5, 'x', true];
  for (const o of options) {
    record(`new Event(x, ${util.inspect(o)})`, () => {
      const e = new Event('x', o);
      return [e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented,
        e.eventPhase, e.isTrusted, e.target, e.returnValue, e.cancelBubble,
        typeof e.timeStamp, e.composedPath()];
    });
    record(`new CustomEvent(x, ${util.inspect(o)})`,
           () => new CustomEvent('x', o).detail);
  }
  for (const type of [undefined, null, 5, {}, Symbol('s')]) {
    record(`new Event(${util.inspect(type)})`, () => new Event(type).type);
  }
  record('new Event()', () => new Event());
  record('new CustomEvent()', () => new CustomEvent());
  record('inspect Event', () => new Event('foo', { cancelable: true }));
  record('inspect CustomEvent', () => new CustomEvent('c', { detail: 5 }));
  record('inspect depth -1', () => util.inspect(new Event('q'),
                                                { depth: -1 }));
  record('inspect nested', () => util.inspect({ a: { b: new Event('q') } },
                                              { depth: 0 }));
  record('getter on wrong this',
         () => Object.getOwnPropertyDescriptor(Event.prototype, 'type')
           .get.call({}));
  record('preventDefault', () => {
    const e = new Event('x', { cancelable: true });
    e.preventDefault();
    const f = new Event('x');
    f.preventDefault();
    return [e.defaultPrevented, e.returnValue, f.defaultPrevented];
  });
  record('returnValue = false', () => {
    const e = new Event('x', { cancelable: true });
    e.returnValue = false;
    return e.defaultPrevented;
  });
  record('initEvent', () => {
    const e = new Event('x');
    e.initEvent('y', true, true);
    return [e.type, e.bubbles, e.cancelable];
  });
}

function dispatch() {
  const t = new EventTarget();
  record('inspect EventTarget', () => t);
  const bad = [5, 'x', true, Symbol('s')];
  for (const listener of bad) {
    record(`addEventListener(x, ${util.inspect(listener)})`,
           () => t.addEventListener('x', listener));
  }
  record('addEventListener()', () => t.addEventListener());
  record('addEventListener(x)', () => t.addEventListener('x'));
  record('removeEventListener()', () => t.removeEventListener());
  record('dispatchEvent(5)', () => t.dispatchEvent(5));
  record('dispatchEvent({type})', () => t.dispatchEvent({ type: 'x' }));
  record('wrong this', () => EventTarget.prototype.addEventListener.call({},
    'x', () => {}));
  record('bad signal', () => t.addEventListener('x', () => {},
                                                { signal: 5 }));

  const order = [];
  const t2 = new EventTarget();
  const l2 = () => order.push('l2');
  const l3 = () => order.push('l3');
  const l1 = () => {
    order.push('l1');
    t2.removeEventListener('a', l2);
    t2.addEventListener('a', l3);
  };
  t2.addEventListener('a', l1);
  t2.addEventListener('a', l2);
  t2.addEventListener('a', l1);
  t2.addEventListener('a', l1, true);
  t2.addEventListener('a', { handleEvent(e) { order.push(`obj ${e.type}`); } });
  t2.addEventListener('a', () => order.push('once'), { once: true });
  t2.dispatchEvent(new Event('a'));
  t2.dispatchEvent(new Event('a'));
  out('dispatch order', order);

  const seen = [];
  const t3 = new EventTarget();
  const ev = new Event('x', { cancelable: true });
  t3.addEventListener('x', function(e) {
    seen.push(this === t3, e.target === t3, e.currentTarget === t3,
              e.eventPhase, e.composedPath().length);
    try {
      t3.dispatchEvent(e);
    } catch (err) {
      seen.push(`${err.name} ${err.code} ${err.message}`);
    }
    e.preventDefault();
  });
  seen.push(t3.dispatchEvent(ev), ev.eventPhase, ev.currentTarget,
            ev.target === t3, ev.composedPath().length, ev.defaultPrevented);
  out('dispatch state', seen);

  const t4 = new EventTarget();
  const calls = [];
  t4.addEventListener('c', (e) => {
    e.preventDefault();
    calls.push('passive');
  }, { passive: true });
  t4.addEventListener('c', (e) => {
    calls.push('stop');
    e.stopImmediatePropagation();
  });
  t4.addEventListener('c', () => calls.push('never'));
  const ce = new Event('c', { cancelable: true });
  calls.push(t4.dispatchEvent(ce), ce.defaultPrevented, ce.cancelBubble);
  out('stopImmediatePropagation and passive', calls);

  const t5 = new EventTarget();
  const ac = new AbortController();
  const ran = [];
  t5.addEventListener('s', () => ran.push('s'), { signal: ac.signal });
  t5.dispatchEvent(new Event('s'));
  ac.abort();
  t5.dispatchEvent(new Event('s'));
  t5.addEventListener('s', () => ran.push('late'), { signal: ac.signal });
  t5.dispatchEvent(new Event('s'));
  out('signal option', [ran, events.getEventListeners(t5, 's').length]);
}

function abort() {
  record('new AbortSignal()', () => new AbortSignal());
  record('inspect controller', () => new AbortController());
  record('inspect controller depth 0',
         () => util.inspect(new AbortController(), { depth: 0 }));
  record('inspect signal', () => AbortSignal.abort());
  const fixed = new Error('e');
  fixed.stack = 'Error: e\n    at reason (file.js:1:1)';
  const reasons = [undefined, null, 0, 'why', fixed, { a: 1 }];
  for (const reason of reasons) {
    record(`AbortSignal.abort(${util.inspect(reason)})`, () => {
      const s = AbortSignal.abort(reason);
      const r = s.reason;
      return [s.aborted, r instanceof DOMException ?
        [r.name, r.message, r.code] : r];
    });
    record(`controller.abort(${util.inspect(reason)})`, () => {
      const c = new AbortController();
      const log = [];
      c.signal.onabort = function(e) {
        log.push('onabort', e.isTrusted, e.type, this === c.signal);
      };
      c.signal.addEventListener('abort', (e) => log.push('listener',
                                                         e.isTrusted));
      c.abort(reason);
      c.abort('again');
      let thrown;
      try {
        c.signal.throwIfAborted();
      } catch (err) {
        thrown = err === c.signal.reason;
      }
      return [log, c.signal.aborted, thrown, typeof c.signal.onabort];
    });
  }
  for (const delay of [-1, 'x', 1.5, 2 ** 32, null, undefined]) {
    record(`AbortSignal.timeout(${util.inspect(delay)})`,
           () => AbortSignal.timeout(delay).aborted);
  }
  for (const list of [5, [5], [AbortSignal.abort(3)], [], 'ab', null]) {
    record(`AbortSignal.any(${util.inspect(list)})`, () => {
      const s = AbortSignal.any(list);
      return [s.aborted, s.reason];
    });
  }
  record('any follows', () => {
    const a = new AbortController();
    const b = new AbortController();
    const any = AbortSignal.any([a.signal, b.signal]);
    const log = [];
    any.onabort = () => log.push(any.reason);
    b.abort(7);
    a.abort(8);
    return [log, any.aborted, any.reason];
  });
  record('onabort set to non-function', () => {
    const c = new AbortController();
    c.signal.onabort = 5;
    return c.signal.onabort;
  });
  record('max listeners default', () => events.getMaxListeners(
    new AbortController().signal));
  // A Proxy of a signal (as options wrappers make) still answers.
  record('proxy of a signal', () => {
    const c = new AbortController();
    const seen = new Proxy(c.signal, {});
    const before = seen.aborted;
    c.abort('why');
    let thrown;
    try {
      seen.throwIfAborted();
    } catch (err) {
      thrown = err;
    }
    return [before, seen.aborted, seen.reason, thrown, seen instanceof AbortSignal];
  });
  record('deep proxy of a signal', () => {
    // Every object read through it comes wrapped too.
    const wrap = (v) => (v !== null && typeof v === 'object' ? new Proxy(v, {
      get: (t, k, r) => wrap(Reflect.get(t, k, r)),
    }) : v);
    const seen = wrap(AbortSignal.abort(new Error('e')));
    let thrown;
    try {
      seen.throwIfAborted();
    } catch (err) {
      thrown = err.message;
    }
    return [seen.aborted, seen.reason.message, thrown];
  });
  record('aborted getter on a plain object', () =>
    Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}));
}

function domException() {
  const args = [[], ['m'], ['m', 'DataCloneError'], ['m', 'AbortError'],
    ['m', { name: 'TimeoutError', cause: 1 }], ['m', {}], [5, 6],
    [undefined, undefined], ['m', 'NotARealError']];
  for (const a of args) {
    record(`new DOMException(${a.map((x) => util.inspect(x)).join()})`, () => {
      const d = new DOMException(...a);
      return [d.name, d.message, d.code, d.cause, d instanceof Error,
        String(d), Object.keys(d), d.stack.split('\n')[0]];
    });
  }
  record('DOMException constants', () => [DOMException.ABORT_ERR,
    DOMException.prototype.DATA_CLONE_ERR, DOMException.INDEX_SIZE_ERR,
    DOMException.INUSE_ATTRIBUTE_ERR, DOMException.DOMSTRING_SIZE_ERR,
    Object.getOwnPropertyDescriptor(DOMException, 'TIMEOUT_ERR')]);
  record('DOMException getter wrong this', () => DOMException.prototype.name);
}

function limits() {
  const t = new EventTarget();
  t.addEventListener('x', () => {});
  record('getEventListeners', () => events.getEventListeners(t, 'x').length);
  record('getMaxListeners', () => events.getMaxListeners(t));
  events.setMaxListeners(3, t);
  record('setMaxListeners(3, t)', () => events.getMaxListeners(t));
  record('getEventListeners({})', () => events.getEventListeners({}, 'x'));
  record('setMaxListeners(3, {})', () => events.setMaxListeners(3, {}));
  for (let i = 0; i < 4; i++) t.addEventListener('x', () => {});
  class MyTarget extends EventTarget {}
  const m = new MyTarget();
  for (let i = 0; i < 11; i++) m.addEventListener('z', () => {});
  const s = new AbortController().signal;
  for (let i = 0; i < 11; i++) s.addEventListener('abort', () => {});
}

process.on('warning', (w) => {
  out('warning', [w.name, w.message, w.count, w.type]);
});
shapes();
eventObjects();
dispatch();
abort();
domException();
limits();
events.once(new EventTarget(), 'never').then(() => {});
const waiter = new EventTarget();
events.once(waiter, 'x').then((v) => out('events.once', v[0].type));
waiter.dispatchEvent(new Event('x'));
