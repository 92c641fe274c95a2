'use strict';
// The file-system operations, each written once and run three ways.
//
// An operation's `plan` function checks its arguments and returns either one
// binding call ({ op, args, syscall, path, dest, map }) or a generator that
// yields such calls and receives their results (or has their errors thrown
// into it). runSync, runCallback and runPromise drive the same plan
// blocking, with a callback, or as a promise, so readFile or a recursive
// mkdir has one implementation for fs, its Sync twins and fs/promises.

const {
  callAsync,
  callSync,
  checkCallback,
} = require('./utils');

function isCall(plan) {
  return plan !== null && typeof plan === 'object' && typeof plan.op === 'string';
}

function finishCall(call, result) {
  return call.map === undefined ? result : call.map(result);
}

function syncCall(call) {
  return finishCall(call, callSync(call.op, call.args, call.syscall, call.path,
    call.dest));
}

function asyncCall(call, done) {
  callAsync(call.op, call.args, call.syscall, call.path, call.dest,
    (err, result) => {
      if (err) return done(err);
      let value;
      try {
        value = finishCall(call, result);
      } catch (mapErr) {
        return done(mapErr);
      }
      done(null, value);
    });
}

// Yielded values that are not binding calls are returned to the generator
// at once: a plan may yield a value to hand control back (e.g. to check an
// AbortSignal between steps).
function runSync(plan) {
  if (isCall(plan)) return syncCall(plan);
  let failed = false;
  let input;
  for (;;) {
    const step = failed ? plan.throw(input) : plan.next(input);
    if (step.done) return step.value;
    failed = false;
    if (!isCall(step.value)) {
      input = step.value;
      continue;
    }
    try {
      input = syncCall(step.value);
    } catch (err) {
      failed = true;
      input = err;
    }
  }
}

// Calls done(err, value) once, always after the caller's turn. A yielded
// promise (fs.cp's asynchronous filter) is awaited; runSync hands it back
// as it is.
function runAsync(plan, done) {
  if (isCall(plan)) return asyncCall(plan, done);
  const resume = (err, value, rejected = false) => {
    let step;
    try {
      step = err || rejected ? plan.throw(err) : plan.next(value);
    } catch (thrown) {
      return done(thrown);
    }
    if (step.done) return done(null, step.value);
    if (isCall(step.value)) asyncCall(step.value, resume);
    else if (step.value instanceof Promise) {
      step.value.then((v) => resume(null, v), (e) => resume(e, undefined, true));
    } else process.nextTick(resume, null, step.value);
  };
  process.nextTick(resume, null, undefined);
}

// The public callback form: the last argument is the callback; the others
// go to `plan`. `spread(value)`, when given, turns the result into all of
// the callback's arguments, `err` first (read's err, bytesRead, buffer).
// `named(args)`, when given, says which argument a missing callback's error
// shows (Node names the last one in some forms, undefined in the others).
function runCallback(plan, args, spread, named) {
  const last = args[args.length - 1];
  if (typeof last !== 'function') checkCallback(named === undefined ? undefined : named(args));
  const cb = last;
  const work = plan(...args.slice(0, -1));
  runAsync(work, (err, value) => {
    if (err) return cb(err);
    if (spread === undefined) return cb(null, value);
    cb(...spread(value));
  });
}

function runPromise(plan) {
  return new Promise((resolve, reject) => {
    runAsync(plan, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    });
  });
}

module.exports = { runAsync, runCallback, runPromise, runSync };
